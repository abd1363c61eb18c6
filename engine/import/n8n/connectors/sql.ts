/**
 * The SQL nodes' shared shape (Postgres and MySQL) → postgres.query / mysql.query.
 * PENDING ALIGNMENT: those node types are being written alongside this importer; the params
 * below are what the importer produces, to be aligned with the nodes' schemas once both land:
 *   { operation: 'query', query, parameters }
 *   { operation: 'select', schema?, table, where: [{ column, operator, value }], limit? }
 *   { operation: 'insert' | 'update' | 'upsert', schema?, table, columns: { mode: 'auto' } | { mode: 'map', values }, matchColumns }
 *   { operation: 'delete', schema?, table, where }
 * Credential slot "database", connection kind "database".
 */
import type { Mapped, MapContext } from '../context';
import { fieldList, read } from '../context';

/** n8n's resource locator values ({ __rl, value, mode }) as plain text. */
export const locator = (v: unknown): unknown => (v && typeof v === 'object' && '__rl' in v ? (v as { value?: unknown }).value : v);

const OPERATORS: Record<string, string> = { equal: 'equals', '!=': 'notEquals', LIKE: 'like', '>': 'gt', '<': 'lt', '>=': 'gte', '<=': 'lte', IS_NULL: 'isNull' };

function table(c: MapContext, withSchema: boolean) {
  const name = c.value(locator(c.params.table) ?? '', 'table');
  const schema = withSchema ? c.value(locator(c.params.schema) ?? 'public', 'schema') : undefined;
  return schema === undefined ? { table: name } : { schema, table: name };
}

function columns(c: MapContext) {
  const cols = c.params.columns;
  if (typeof cols === 'string') return { mode: 'auto', only: fieldList(cols) };
  const spec = (cols ?? {}) as { mappingMode?: string; value?: Record<string, unknown>; matchingColumns?: string[] };
  if (spec.mappingMode === 'defineBelow') return { mode: 'map', values: c.value(spec.value ?? {}, 'columns.value') };
  return { mode: 'auto' };
}

export function mapSql(c: MapContext, type: 'postgres.query' | 'mysql.query'): Mapped {
  const p = c.params;
  const withSchema = type === 'postgres.query';
  const op = String(p.operation ?? (c.version < 2 ? 'insert' : 'executeQuery'));
  const base = { type, credential: { slot: 'database', kind: () => 'database' } };
  switch (op) {
    case 'executeQuery': {
      const replacement = read(p, 'options.queryReplacement') ?? read(p, 'additionalFields.queryParams');
      return { ...base, params: { operation: 'query', query: c.value(p.query ?? '', 'query'), parameters: replacement === undefined ? [] : c.value(replacement, 'options.queryReplacement') } };
    }
    case 'select': {
      const where = ((read(p, 'where.values') ?? []) as Record<string, unknown>[]).map((w, i) => ({
        column: String(w.column ?? ''), operator: OPERATORS[String(w.condition ?? 'equal')] ?? 'equals', value: c.value(w.value ?? '', `where.values[${i}].value`),
      }));
      return { ...base, params: { operation: 'select', ...table(c, withSchema), where, ...(p.returnAll === true ? {} : { limit: Number(p.limit ?? 50) }) } };
    }
    case 'insert': case 'update': case 'upsert': {
      const match = (read(p, 'columns.matchingColumns') as string[] | undefined) ?? fieldList(p.updateKey ?? read(p, 'columnToMatchOn'));
      return { ...base, params: { operation: op, ...table(c, withSchema), columns: columns(c), matchColumns: match } };
    }
    case 'deleteTable': {
      const how = String(p.deleteCommand ?? 'truncate');
      if (how !== 'delete') c.unsupported(`the SQL command "${how}" of a whole table is not offered by the Junction node; write it as a query`);
      return { ...base, params: { operation: 'delete', ...table(c, withSchema), where: c.value(read(p, 'where.values') ?? [], 'where.values') } };
    }
    default: return c.unsupported(`the ${type} operation "${op}" has no Junction equivalent`);
  }
}
