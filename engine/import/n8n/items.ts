/**
 * Nodes that reshape the list of items: Sort, Limit, Remove Duplicates, Aggregate, Summarize,
 * Split Out, the older Item Lists node (one of those by its operation) and Loop Over Items /
 * Split in Batches.
 */
import type { Mapper, MapContext, Mapped } from './context';
import { fieldList, read } from './context';

export const mapSort: Mapper = (c) => {
  const type = String(c.params.type ?? 'simple');
  if (type !== 'simple') c.unsupported(`Sort of type "${type}" (random order or code) has no Junction equivalent`);
  const list = (read(c.params, 'sortFieldsUi.sortField') ?? []) as { fieldName?: string; order?: string }[];
  if (!list.length) c.unsupported('the Sort node names no field to sort by');
  return { type: 'core.sort', params: { fields: list.map((f) => ({ field: String(f.fieldName ?? ''), order: f.order === 'descending' ? 'desc' : 'asc' })) } };
};

export const mapLimit: Mapper = (c) => ({
  type: 'core.limit',
  params: { maxItems: Number(c.value(c.params.maxItems ?? 1, 'maxItems')), keep: c.params.keep === 'lastItems' ? 'last' : 'first' },
});

export const mapRemoveDuplicates: Mapper = (c) => {
  const p = c.params;
  if (p.operation !== undefined && p.operation !== 'removeDuplicateInputItems' && p.operation !== 'removeDuplicates') {
    c.unsupported(`Remove Duplicates "${String(p.operation)}" (across executions) has no Junction equivalent`);
  }
  const compare = String(p.compare ?? 'allFields');
  if (compare === 'allFields') return { type: 'core.dedupe', params: { key: { by: 'wholeItem' }, keep: 'first' } };
  if (compare !== 'selectedFields') c.unsupported(`Remove Duplicates comparing "${compare}" has no Junction equivalent`);
  const raw = p.fieldsToCompare;
  const nested = read(p, 'fieldsToCompare.fields') as { fieldName?: string }[] | undefined;
  const fields = Array.isArray(nested) ? nested.map((f) => String(f.fieldName ?? '')).filter(Boolean) : fieldList(raw);
  return { type: 'core.dedupe', params: { key: { by: 'fields', fields }, keep: 'first' } };
};

/** Aggregate: individual fields become one list each (n8n skips missing values, as collect does). */
export const mapAggregate: Mapper = (c) => {
  const p = c.params;
  if (p.aggregate === 'aggregateAllItemData') {
    c.unsupported('Aggregate "all item data" (whole items into one list) has no Junction equivalent');
  }
  const list = (read(p, 'fieldsToAggregate.fieldToAggregate') ?? []) as Record<string, unknown>[];
  const aggregations = list.map((f) => {
    const field = String(f.fieldToAggregate ?? '');
    const as = f.renameField === true && f.outputFieldName ? String(f.outputFieldName) : field.split('.').pop() ?? field;
    return { field, op: 'collect', as };
  });
  if (read(p, 'options.mergeLists') === true) c.note('warning', 'option', 'options.mergeLists', 'lists are collected as lists of lists; Junction does not flatten them');
  return { type: 'core.aggregate', params: { groupBy: [], aggregations } };
};

/** Summarize: n8n's operation names and its output field names (count_x, sum_x …). */
const SUMMARIZE: Record<string, [op: string, prefix: string]> = {
  count: ['count', 'count'], countUnique: ['countDistinct', 'unique_count'], sum: ['sum', 'sum'], average: ['avg', 'average'],
  min: ['min', 'min'], max: ['max', 'max'], append: ['collect', 'appended'],
};
export const mapSummarize: Mapper = (c) => {
  const list = (read(c.params, 'fieldsToSummarize.values') ?? [{ aggregation: 'count', field: '' }]) as Record<string, unknown>[];
  const aggregations = list.map((v, i) => {
    const how = String(v.aggregation ?? 'count');
    const known = SUMMARIZE[how];
    if (!known) c.unsupported(`Summarize "${how}" (at fieldsToSummarize.values[${i}]) has no Junction equivalent`);
    const field = String(v.field ?? '');
    return { field, op: known[0], as: `${known[1]}_${field}` };
  });
  return { type: 'core.aggregate', params: { groupBy: fieldList(c.params.fieldsToSplitBy), aggregations } };
};

export const mapSplitOut: Mapper = (c) => {
  const p = c.params;
  const fields = fieldList(p.fieldToSplitOut);
  if (fields.length !== 1) c.unsupported(`Split Out of ${fields.length} fields at once has no Junction equivalent (one field only)`);
  const include = String(p.include ?? 'noOtherFields');
  const destination = String(read(p, 'options.destinationFieldName') ?? '');
  return {
    type: 'core.splitOut',
    params: {
      field: fields[0],
      include: include === 'allOtherFields' ? 'allOtherFields' : include === 'selectedOtherFields' ? 'selected' : 'none',
      fields: fieldList(p.fieldsToInclude),
      destination,
    },
  };
};

/** Item Lists v1–v3: one node with an operation for what later became separate nodes. */
export const mapItemLists: Mapper = (c: MapContext): Mapped => {
  const op = String(c.params.operation ?? 'splitOutItems');
  switch (op) {
    case 'splitOutItems': return mapSplitOut(c);
    case 'aggregateItems': return mapAggregate(c);
    case 'removeDuplicates': return mapRemoveDuplicates({ ...c, params: { ...c.params, operation: undefined } });
    case 'sort': return mapSort(c);
    case 'limit': return mapLimit(c);
    case 'summarize': return mapSummarize(c);
    default: return c.unsupported(`Item Lists "${op}" has no Junction equivalent`);
  }
};

/**
 * Loop Over Items (v3): output 0 is "done", output 1 the batch. Split in Batches v1/v2 had one
 * output (the batch); their "no items left" check downstream is reported, not translated.
 */
export const mapLoop: Mapper = (c) => {
  if (c.version < 3) {
    c.note('warning', 'node', '', 'Split in Batches v1/v2 has no "done" output: Junction\'s Loop node sends the items that came back through "done" after the last batch; check the node that tested "noItemsLeft"');
  }
  if (read(c.params, 'options.reset') !== undefined) c.note('warning', 'option', 'options.reset', 'the reset option has no equivalent; a Junction loop starts afresh each run');
  return {
    type: 'core.loop', params: { batchSize: Number(c.params.batchSize ?? 10) },
    outputCount: c.version >= 3 ? 2 : 1,
    outputs: c.version >= 3 ? (i) => [i === 0 ? 'done' : 'batch'] : () => ['batch'],
  };
};
