/**
 * The SQL nodes' shared shape (n8n Postgres and MySQL, v1 and v2) → postgres.query / mysql.query
 * (nodes/sql/params.ts), connection slot "db" of kind "database":
 *   executeQuery → { operation: 'query', sql, parameters } ({{ }} in the SQL become parameters)
 *   select       → { operation: 'select', schema, table, columns, where, orderBy, limit }
 *                  (conditions joined with OR → a query)
 *   insert / update / upsert → { operation, schema, table, mapping: auto | columns, keyColumns }
 *   deleteTable  → a query: DELETE … WHERE, TRUNCATE TABLE or DROP TABLE
 */
import type { Mapped, MapContext } from '../context';
import { fieldList, read } from '../context';
import { Bindings, bindTemplate, splitReplacement, tableRef, whereSql, type Dialect, type N8nCondition } from './sql-text';

/** n8n's resource locator values ({ __rl, value, mode }) as plain text. */
export const locator = (v: unknown): unknown => (v && typeof v === 'object' && '__rl' in v ? (v as { value?: unknown }).value : v);

const OPERATORS: Record<string, string> = {
  equal: '=', '!=': '!=', LIKE: 'like', '>': '>', '<': '<', '>=': '>=', '<=': '<=',
  'IS NULL': 'isNull', IS_NULL: 'isNull', 'IS NOT NULL': 'isNotNull', IS_NOT_NULL: 'isNotNull',
};

/** A name the Junction node needs as written (table, schema): an expression cannot be carried. */
function literalName(c: MapContext, v: unknown, rel: string): string {
  const s = String(locator(v) ?? '');
  if (s.startsWith('=') && s.includes('{{')) c.unsupported(`the ${rel} name comes from an expression; Junction needs the ${rel} written out`);
  return s.startsWith('=') ? s.slice(1) : s;
}

function conditions(c: MapContext): N8nCondition[] {
  const list = (read(c.params, 'where.values') ?? []) as Record<string, unknown>[];
  return list.map((w, i) => ({ column: String(w.column ?? ''), condition: String(w.condition ?? 'equal'), value: w.value, rel: `where.values[${i}].value` }));
}

/** Notes every option the mapping does not carry. */
function reportOptions(c: MapContext, used: string[]) {
  const options = (c.params.options ?? c.params.additionalFields ?? {}) as Record<string, unknown>;
  const key = c.params.options ? 'options' : 'additionalFields';
  for (const k of Object.keys(options)) if (!used.includes(k)) c.note('warning', 'option', `${key}.${k}`, `the option "${k}" has no equivalent in the Junction node and was left out`);
}

/** n8n's "one transaction for all items" (v2 queryBatching, v1 mode) → one transaction per run. */
const transaction = (c: MapContext) =>
  (read(c.params, 'options.queryBatching') === 'transaction' || read(c.params, 'additionalFields.mode') === 'transaction' ? { transaction: 'run' } : {});

function query(c: MapContext, d: Dialect): Record<string, unknown> {
  const p = c.params;
  let parameters: unknown[] = [];
  const replacement = read(p, 'options.queryReplacement');
  const v1Props = read(p, 'additionalFields.queryParams');
  if (typeof replacement === 'string') parameters = splitReplacement(replacement).map((s, i) => c.value(s, `options.queryReplacement[${i}]`));
  else if (Array.isArray(replacement)) parameters = replacement.map((x, i) => c.value(x, `options.queryReplacement[${i}]`));
  else if (v1Props !== undefined) parameters = fieldList(v1Props).map((f) => c.value(`={{ $json[${JSON.stringify(f)}] }}`, 'additionalFields.queryParams'));
  const text = String(p.query ?? '');
  const b = new Bindings(d, parameters.length);
  const bound = bindTemplate(c, d, text, b);
  if (bound !== undefined && d === 'mysql' && parameters.length && b.values.length) {
    c.note('warning', 'option', 'options.queryReplacement', 'the query has both "?" parameters and {{ }} values; the values from {{ }} were put after the others: check their order');
  }
  reportOptions(c, ['queryReplacement', 'queryParams', 'queryBatching', 'mode']);
  return { operation: 'query', sql: bound ?? (text.startsWith('=') ? text.slice(1) : text), parameters: [...parameters, ...b.values], ...transaction(c) };
}

function select(c: MapContext, d: Dialect, where: { schema?: string; table: string }): Record<string, unknown> {
  const p = c.params;
  const conds = conditions(c);
  const orderBy = ((read(p, 'sort.values') ?? []) as Record<string, unknown>[]).map((s) => ({ column: String(s.column ?? ''), direction: String(s.direction ?? 'ASC').toLowerCase() === 'desc' ? 'desc' : 'asc' }));
  const limit = p.returnAll === true ? 0 : typeof p.limit === 'string' && p.limit.startsWith('=') ? c.value(p.limit, 'limit') : Number(p.limit ?? 50);
  const columns = fieldList(read(p, 'options.outputColumns'));
  reportOptions(c, ['outputColumns']);
  if (p.combineConditions === 'OR' && conds.length > 1) {
    const b = new Bindings(d);
    const cols = columns.length ? columns.map((col) => tableRef(d, undefined, col)).join(', ') : '*';
    const order = orderBy.length ? ` ORDER BY ${orderBy.map((o) => `${tableRef(d, undefined, o.column)} ${o.direction.toUpperCase()}`).join(', ')}` : '';
    const clause = whereSql(c, d, conds, 'OR', b);
    const limitSql = typeof limit === 'number' ? (limit ? ` LIMIT ${limit}` : '') : ` LIMIT ${b.add(limit)}`;
    const sql = `SELECT ${cols} FROM ${tableRef(d, where.schema, where.table)}${clause}${order}${limitSql}`;
    return { operation: 'query', sql, parameters: b.values };
  }
  const whereList = conds.map((w) => {
    const operator = OPERATORS[w.condition];
    if (!operator) return c.unsupported(`the SQL condition "${w.condition}" has no Junction equivalent`);
    return { column: w.column, operator, ...(operator.startsWith('is') ? {} : { value: c.value(w.value ?? '', w.rel) }) };
  });
  return { operation: 'select', ...where, columns, where: whereList, orderBy, limit };
}

function write(c: MapContext, op: string, where: { schema?: string; table: string }): Record<string, unknown> {
  const p = c.params;
  const spec = p.columns;
  let mapping: Record<string, unknown> = { mode: 'auto' };
  let keys: string[] = [];
  if (typeof spec === 'string' || spec === undefined) {
    // v1: the listed item fields (name or name:type) go to the columns of the same name.
    const fields = fieldList(spec).map((f) => f.split(':')[0].trim());
    keys = fieldList(p.updateKey);
    if (fields.length) mapping = { mode: 'columns', columns: [...new Set([...keys, ...fields])].map((f) => ({ column: f, value: c.value(`={{ $json[${JSON.stringify(f)}] }}`, 'columns') })) };
  } else {
    const s = spec as { mappingMode?: string; value?: Record<string, unknown>; matchingColumns?: string[] };
    if (s.mappingMode === 'defineBelow') mapping = { mode: 'columns', columns: Object.entries(s.value ?? {}).map(([column, v]) => ({ column, value: c.value(v, `columns.value.${column}`) })) };
    keys = fieldList(s.matchingColumns ?? p.columnToMatchOn);
  }
  if ((op === 'update' || op === 'upsert') && !keys.length) c.note('warning', 'option', 'columns', `no column to match rows on was given; the Junction node uses the table's primary key`);
  if (p.returnFields !== undefined && p.returnFields !== '*') c.note('info', 'option', 'returnFields', 'Junction passes the written items on; the columns the database returned are not read back');
  reportOptions(c, ['queryBatching', 'mode']);
  return { operation: op, ...where, mapping, keyColumns: keys, ...transaction(c) };
}

function deleteTable(c: MapContext, d: Dialect, where: { schema?: string; table: string }): Record<string, unknown> {
  const how = String(c.params.deleteCommand ?? 'truncate');
  const ref = tableRef(d, where.schema, where.table);
  const cascade = read(c.params, 'options.cascade') === true && d === 'postgres' ? ' CASCADE' : '';
  reportOptions(c, ['cascade', 'restartSequences']);
  if (how === 'delete') {
    const b = new Bindings(d);
    const clause = whereSql(c, d, conditions(c), c.params.combineConditions === 'OR' ? 'OR' : 'AND', b);
    return { operation: 'query', sql: `DELETE FROM ${ref}${clause}`, parameters: b.values };
  }
  if (how === 'drop') return { operation: 'query', sql: `DROP TABLE ${ref}${cascade}`, parameters: [] };
  const restart = read(c.params, 'options.restartSequences') === true && d === 'postgres' ? ' RESTART IDENTITY' : '';
  return { operation: 'query', sql: `TRUNCATE TABLE ${ref}${restart}${cascade}`, parameters: [] };
}

export function mapSql(c: MapContext, type: 'postgres.query' | 'mysql.query'): Mapped {
  const p = c.params;
  const d: Dialect = type === 'postgres.query' ? 'postgres' : 'mysql';
  const op = String(p.operation ?? (c.version < 2 ? 'insert' : 'executeQuery'));
  const base = { type, credential: { slot: 'db', kind: () => 'database' } };
  if (op === 'executeQuery') return { ...base, params: query(c, d) };
  if (!['select', 'insert', 'update', 'upsert', 'deleteTable'].includes(op)) return c.unsupported(`the ${type} operation "${op}" has no Junction equivalent`);
  const schemaText = d === 'postgres' ? literalName(c, p.schema ?? 'public', 'schema') : '';
  const where = { ...(schemaText ? { schema: schemaText } : {}), table: literalName(c, p.table, 'table') };
  if (!where.table) c.unsupported('no table was given');
  if (op === 'select') return { ...base, params: select(c, d, where) };
  if (op === 'deleteTable') return { ...base, params: deleteTable(c, d, where) };
  return { ...base, params: write(c, op, where) };
}
