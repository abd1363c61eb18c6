// The flows of bench/db.mjs: a CSV → Edit Fields (5 fields) → upsert; and a whole table → .xlsx.
const node = (id, type, name, x, params = {}, credentials) => ({ id, type, version: 1, name, position: { x, y: 0 }, params, ...(credentials ? { credentials } : {}) });
const edge = (id, from, to) => ({ id, from: { node: from, port: 'main' }, to: { node: to, port: 'main' } });
const flow = (id, nodes, edges) => ({ format: 'junction/flow@1', id, name: id, settings: {}, pinned: {}, notes: [], nodes, edges });

/** The five fields, each from an expression: the same columns the bulk load reads from the CSV. */
const editFields = [
  { name: 'id', value: '{{ $json.id }}' },
  { name: 'name', value: '{{ $json.name.trim() }}' },
  { name: 'email', value: '{{ $json.email.toLowerCase() }}' },
  { name: 'amount', value: '{{ $json.amount }}' },
  { name: 'country', value: '{{ $json.country.toUpperCase() }}' },
];

export function upsertFlow(engine, connection, table, csvPath, batchSize = 1000) {
  return flow(`bench_${engine}_upsert_${batchSize}`, [
    node('t', 'trigger.manual', 'Manual', 0),
    node('read', 'file.read', 'Read CSV', 100, { source: { from: 'path', path: csvPath }, format: 'csv' }),
    node('set', 'core.set', 'Edit Fields', 200, { mode: 'replace', fields: editFields }),
    node('db', `${engine}.query`, 'Upsert', 400, { operation: 'upsert', table, keyColumns: ['id'], batchSize }, { db: connection }),
    // One summary item at the end: `--json` prints the last node's items, and 100,000 of them would be the figure.
    node('count', 'core.aggregate', 'Count', 600, { aggregations: [{ op: 'count', as: 'rows' }] }),
  ], [edge('e0', 't', 'read'), edge('e1', 'read', 'set'), edge('e2', 'set', 'db'), edge('e3', 'db', 'count')]);
}

export function selectFlow(connection, table, xlsxPath) {
  return flow('bench_postgres_select', [
    node('t', 'trigger.manual', 'Manual', 0),
    node('db', 'postgres.query', 'Select', 200, { operation: 'select', table, pageSize: 10000 }, { db: connection }),
    node('xlsx', 'file.write', 'Write xlsx', 400, { format: 'xlsx', destination: { to: 'path', path: xlsxPath, ifExists: 'overwrite' } }),
  ], [edge('e1', 't', 'db'), edge('e2', 'db', 'xlsx')]);
}
