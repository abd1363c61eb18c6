/**
 * Imported n8n workflows run in Junction and give what n8n gives. Each expected output is
 * written from n8n's node documentation (docs.n8n.io, "Core nodes"), not from Junction's run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFiles } from './corpus-files';
import { closeCode, importAndRun, n8nWorkflow } from './run-imported';

afterAll(closeCode);

const trigger = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };
const data = (rows: unknown[]) => ({ name: 'Data', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } });
const orders = [
  { id: 1, customer: 'Ada', amount: 120, country: 'DE' },
  { id: 2, customer: 'bob', amount: 40, country: 'FR' },
  { id: 3, customer: 'Ada', amount: 600, country: 'DE' },
];
const one = (node: Record<string, unknown>) => n8nWorkflow([trigger, data(orders), { name: 'Node', ...node } as never], ['Start -> Data', 'Data -> Node']);

describe('imported n8n workflows run with n8n semantics', () => {
  it('If v2: items meeting all conditions leave through true, the rest through false', async () => {
    const r = await importAndRun(one({
      type: 'n8n-nodes-base.if', typeVersion: 2,
      parameters: { conditions: { options: { caseSensitive: false }, combinator: 'and', conditions: [
        { leftValue: '={{ $json.amount }}', rightValue: 100, operator: { type: 'number', operation: 'gt' } },
        { leftValue: '={{ $json.customer }}', rightValue: 'ADA', operator: { type: 'string', operation: 'equals' } },
      ] } },
    }));
    expect(r.out('Node', 'true').map((j) => j.id)).toEqual([1, 3]);
    expect(r.out('Node', 'false').map((j) => j.id)).toEqual([2]);
  });

  it('If v1: "any" of the number and string conditions', async () => {
    const r = await importAndRun(one({
      type: 'n8n-nodes-base.if', typeVersion: 1,
      parameters: { combineOperation: 'any', conditions: { number: [{ value1: '={{ $json.amount }}', operation: 'smaller', value2: 50 }], string: [{ value1: '={{$json["country"]}}', value2: 'DE' }] } },
    }));
    expect(r.out('Node', 'true').map((j) => j.id)).toEqual([1, 2, 3]);
  });

  it('Switch v3: first matching rule wins, unmatched items go to the extra fallback output', async () => {
    const text = n8nWorkflow([trigger, data(orders), {
      name: 'Route', type: 'n8n-nodes-base.switch', typeVersion: 3,
      parameters: { rules: { values: [
        { conditions: { combinator: 'and', conditions: [{ leftValue: '={{ $json.amount }}', rightValue: 500, operator: { type: 'number', operation: 'gte' } }] } },
        { conditions: { combinator: 'and', conditions: [{ leftValue: '={{ $json.country }}', rightValue: 'DE', operator: { type: 'string', operation: 'equals' } }] } },
      ] }, options: { fallbackOutput: 'extra' } },
    }, { name: 'Big', type: 'n8n-nodes-base.noOp' }, { name: 'German', type: 'n8n-nodes-base.noOp' }, { name: 'Other', type: 'n8n-nodes-base.noOp' }],
    ['Start -> Data', 'Data -> Route', 'Route:0 -> Big', 'Route:1 -> German', 'Route:2 -> Other']);
    const r = await importAndRun(text);
    expect(r.out('Big').map((j) => j.id)).toEqual([3]);
    expect(r.out('German').map((j) => j.id)).toEqual([1]);
    expect(r.out('Other').map((j) => j.id)).toEqual([2]);
  });

  it('Switch v1: rules that share an output, and a fallback output by number', async () => {
    const text = n8nWorkflow([trigger, data(orders), {
      name: 'Route', type: 'n8n-nodes-base.switch', typeVersion: 1,
      parameters: { dataType: 'string', value1: '={{ $json.customer }}', rules: { rules: [{ value2: 'Ada', output: 0 }, { value2: 'Eve', output: 0 }] }, fallbackOutput: 3 },
    }, { name: 'Known', type: 'n8n-nodes-base.noOp' }, { name: 'Rest', type: 'n8n-nodes-base.noOp' }],
    ['Start -> Data', 'Data -> Route', 'Route:0 -> Known', 'Route:3 -> Rest']);
    const r = await importAndRun(text);
    expect(r.out('Known').map((j) => j.id)).toEqual([1, 3]);
    expect(r.out('Rest').map((j) => j.id)).toEqual([2]);
  });

  const customers = { name: 'Customers', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: 'return [{ json: { name: "Ada", tier: "gold" } }, { json: { name: "Zoe", tier: "new" } }];' } };
  const merge = (parameters: Record<string, unknown>, typeVersion: number) => n8nWorkflow(
    [trigger, data(orders), customers, { name: 'Merge', type: 'n8n-nodes-base.merge', typeVersion, parameters }],
    ['Start -> Data', 'Start -> Customers', 'Data -> Merge:0', 'Customers -> Merge:1'],
  );

  it('Merge: append (v1), by position (v2), by key keeping matches (v3) and enriching input 1 (v2)', async () => {
    expect((await importAndRun(merge({ mode: 'append' }, 1))).out('Merge').map((j) => j.id ?? j.name)).toEqual([1, 2, 3, 'Ada', 'Zoe']);
    const byPos = (await importAndRun(merge({ mode: 'combine', combinationMode: 'mergeByPosition' }, 2))).out('Merge');
    expect(byPos).toEqual([{ ...orders[0], name: 'Ada', tier: 'gold' }, { ...orders[1], name: 'Zoe', tier: 'new' }]);
    const inner = (await importAndRun(merge({ mode: 'combine', advanced: true, mergeByFields: { values: [{ field1: 'customer', field2: 'name' }] } }, 3))).out('Merge');
    expect(inner.map((j) => [j.id, j.tier])).toEqual([[1, 'gold'], [3, 'gold']]);
    const left = (await importAndRun(merge({ mode: 'combine', combinationMode: 'mergeByFields', joinMode: 'enrichInput1', mergeByFields: { values: [{ field1: 'customer', field2: 'name' }] } }, 2))).out('Merge');
    expect(left.map((j) => [j.id, j.tier ?? null])).toEqual([[1, 'gold'], [2, null], [3, 'gold']]);
  });

  it('Set v1 keeps the other fields and types number values; v3.3 keeps only the assigned fields', async () => {
    const v1 = await importAndRun(one({ type: 'n8n-nodes-base.set', typeVersion: 1, parameters: { values: { number: [{ name: 'fee', value: '2.5' }], string: [{ name: 'who', value: '={{ $json.customer }}!' }] } } }));
    expect(v1.out('Node')[0]).toEqual({ ...orders[0], fee: 2.5, who: 'Ada!' });
    const v1only = await importAndRun(one({ type: 'n8n-nodes-base.set', typeVersion: 2, parameters: { keepOnlySet: true, values: { boolean: [{ name: 'big', value: '={{ $json.amount > 100 }}' }] } } }));
    expect(v1only.out('Node')).toEqual([{ big: true }, { big: false }, { big: true }]);
    const v3 = await importAndRun(one({ type: 'n8n-nodes-base.set', typeVersion: 3.3, parameters: { assignments: { assignments: [{ name: 'total', type: 'number', value: '={{ $json.amount * 2 }}' }, { name: 'tag', type: 'string', value: 'x' }] } } }));
    expect(v3.out('Node')[2]).toEqual({ total: 1200, tag: 'x' });
    const v32 = await importAndRun(one({ type: 'n8n-nodes-base.set', typeVersion: 3.2, parameters: { fields: { values: [{ name: 'n', type: 'numberValue', numberValue: '7' }] }, include: 'selected', includeFields: 'id' } }));
    expect(v32.out('Node')[1]).toEqual({ id: 2, n: 7 });
  });

  it('Remove Duplicates on selected fields keeps the first; Sort and Limit; Filter', async () => {
    const dedupe = await importAndRun(one({ type: 'n8n-nodes-base.removeDuplicates', typeVersion: 1, parameters: { compare: 'selectedFields', fieldsToCompare: { fields: [{ fieldName: 'customer' }] } } }));
    expect(dedupe.out('Node').map((j) => j.id)).toEqual([1, 2]);
    const sorted = await importAndRun(one({ type: 'n8n-nodes-base.sort', typeVersion: 1, parameters: { sortFieldsUi: { sortField: [{ fieldName: 'amount', order: 'descending' }] } } }));
    expect(sorted.out('Node').map((j) => j.id)).toEqual([3, 1, 2]);
    const limited = await importAndRun(one({ type: 'n8n-nodes-base.limit', typeVersion: 1, parameters: { maxItems: 2, keep: 'lastItems' } }));
    expect(limited.out('Node').map((j) => j.id)).toEqual([2, 3]);
    const filtered = await importAndRun(one({ type: 'n8n-nodes-base.filter', typeVersion: 2, parameters: { conditions: { combinator: 'and', conditions: [{ leftValue: '={{ $json.country }}', rightValue: 'FR', operator: { type: 'string', operation: 'notEquals' } }] } } }));
    expect(filtered.out('Node').map((j) => j.id)).toEqual([1, 3]);
  });

  it('Aggregate collects fields into lists; Summarize sums per group with n8n\'s field names', async () => {
    const agg = await importAndRun(one({ type: 'n8n-nodes-base.aggregate', typeVersion: 1, parameters: { fieldsToAggregate: { fieldToAggregate: [{ fieldToAggregate: 'id' }, { fieldToAggregate: 'customer', renameField: true, outputFieldName: 'names' }] } } }));
    expect(agg.out('Node')).toEqual([{ id: [1, 2, 3], names: ['Ada', 'bob', 'Ada'] }]);
    const sum = await importAndRun(one({ type: 'n8n-nodes-base.summarize', typeVersion: 1, parameters: { fieldsToSplitBy: 'country', fieldsToSummarize: { values: [{ aggregation: 'sum', field: 'amount' }, { aggregation: 'count', field: 'id' }] } } }));
    expect(sum.out('Node')).toEqual([{ country: 'DE', sum_amount: 720, count_id: 2 }, { country: 'FR', sum_amount: 40, count_id: 1 }]);
  });

  it('Code "once for each item", Function Item and Split Out', async () => {
    const each = await importAndRun(one({ type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForEachItem', jsCode: 'return { json: { id: $json.id, at: $itemIndex, same: $input.item.json.id === $json.id } };' } }));
    expect(each.out('Node')).toEqual([{ id: 1, at: 0, same: true }, { id: 2, at: 1, same: true }, { id: 3, at: 2, same: true }]);
    const fi = await importAndRun(one({ type: 'n8n-nodes-base.functionItem', parameters: { functionCode: 'item.double = item.amount * 2;\nreturn item;' } }));
    expect(fi.out('Node').map((j) => j.double)).toEqual([240, 80, 1200]);
    const text = n8nWorkflow([trigger, data([{ order: 7, lines: [{ sku: 'a' }, { sku: 'b' }] }]), { name: 'Node', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'lines', include: 'allOtherFields' } }], ['Start -> Data', 'Data -> Node']);
    expect((await importAndRun(text)).out('Node')).toEqual([{ order: 7, sku: 'a' }, { order: 7, sku: 'b' }]);
  });

  it('Rename Keys moves a (nested) key to its new name', async () => {
    const text = n8nWorkflow([trigger, data([{ id: 1, feedback: { record: 'r1', score: 4 } }]), { name: 'Node', type: 'n8n-nodes-base.renameKeys', parameters: { keys: { key: [{ currentKey: 'feedback.record', newKey: 'fbr' }, { currentKey: 'id', newKey: 'Account ID' }] } } }], ['Start -> Data', 'Data -> Node']);
    expect((await importAndRun(text)).out('Node')).toEqual([{ feedback: { score: 4 }, fbr: 'r1', 'Account ID': 1 }]);
  });

  it('an expression reading another node through $node["Name"].json', async () => {
    const r = await importAndRun(n8nWorkflow([trigger, data(orders), { name: 'Node', type: 'n8n-nodes-base.set', typeVersion: 2, parameters: { keepOnlySet: true, values: { string: [{ name: 'c', value: '={{ $node["Data"].json["customer"] }}-{{ $items("Data").length }}' }] } } }], ['Start -> Data', 'Data -> Node']));
    expect(r.out('Node').map((j) => j.c)).toEqual(['Ada-3', 'bob-3', 'Ada-3']);
  });
});

describe('corpus workflows whose nodes all map run as in n8n', () => {
  const corpus = new Map(corpusFiles('n8n').map((f) => [f.name, f.text]));
  const file = (name: string) => corpus.get(name) ?? '';

  it.skipIf(!corpus.size)('655: Merge v3 by "language" keeps each name with its greeting', async () => {
    const r = await importAndRun(file('Zie619__n8n-workflows__655-workflow-655.json'));
    expect(r.out('Merge (name + language + greeting)')).toEqual([
      { name: 'Stefan', language: 'de', greeting: 'Hallo' }, { name: 'Jim', language: 'en', greeting: 'Hello' }, { name: 'Hans', language: 'de', greeting: 'Hallo' },
    ]);
  });
});
