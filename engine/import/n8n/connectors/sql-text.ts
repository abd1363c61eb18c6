/**
 * SQL text for the n8n SQL operations the Junction nodes have no structured form for (a WHERE
 * joined with OR, DELETE with conditions, TRUNCATE, DROP) and n8n queries with {{ }} in them:
 * every value becomes a bound parameter, identifiers are quoted for the engine.
 */
import type { MapContext } from '../context';

export type Dialect = 'postgres' | 'mysql';

export const quoteIdent = (d: Dialect, name: string) => (d === 'postgres' ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, '``')}\``);

export const tableRef = (d: Dialect, schema: string | undefined, table: string) =>
  (schema ? `${quoteIdent(d, schema)}.${quoteIdent(d, table)}` : quoteIdent(d, table));

/** Builds placeholders in order: $1, $2 … for PostgreSQL, ? for MySQL. */
export class Bindings {
  readonly values: unknown[] = [];
  constructor(private readonly d: Dialect, private readonly offset = 0) {}
  add(v: unknown): string {
    this.values.push(v);
    return this.d === 'postgres' ? `$${this.offset + this.values.length}` : '?';
  }
}

export interface N8nCondition { column: string; condition: string; value: unknown; rel: string }

const SQL_OPS: Record<string, string> = { equal: '=', '!=': '<>', LIKE: 'LIKE', '>': '>', '<': '<', '>=': '>=', '<=': '<=' };

/** A WHERE clause from n8n's conditions, joined with AND or OR. */
export function whereSql(c: MapContext, d: Dialect, conds: N8nCondition[], join: 'AND' | 'OR', b: Bindings): string {
  const parts = conds.map((w) => {
    const col = quoteIdent(d, w.column);
    if (w.condition === 'IS NULL' || w.condition === 'IS_NULL') return `${col} IS NULL`;
    if (w.condition === 'IS NOT NULL' || w.condition === 'IS_NOT_NULL') return `${col} IS NOT NULL`;
    const op = SQL_OPS[w.condition];
    if (!op) return c.unsupported(`the SQL condition "${w.condition}" has no Junction equivalent`);
    return `${col} ${op} ${b.add(c.value(w.value ?? '', w.rel))}`;
  });
  return parts.length ? ` WHERE ${parts.join(` ${join} `)}` : '';
}

/**
 * An n8n query in expression mode ("=SELECT … {{ $json.id }}"): each {{ }} (with the quotes
 * written around it, if any) becomes a bound parameter, since Junction never builds SQL text
 * from item values. Returns undefined for a query without {{ }}.
 */
export function bindTemplate(c: MapContext, d: Dialect, query: string, b: Bindings): string | undefined {
  if (!query.startsWith('=') || !query.includes('{{')) return undefined;
  let inQuote = false;
  let out = '';
  const body = query.slice(1);
  for (let i = 0; i < body.length;) {
    const open = body.indexOf('{{', i);
    const chunk = open < 0 ? body.slice(i) : body.slice(i, open);
    for (const ch of chunk) if (ch === "'") inQuote = !inQuote;
    if (open < 0) { out += chunk; break; }
    const close = body.indexOf('}}', open);
    if (close < 0) return c.unsupported('the query has a "{{" without its "}}"');
    const expr = `={{${body.slice(open + 2, close)}}}`;
    const after = body.slice(close + 2);
    if (inQuote) {
      // Only a value that is the whole quoted text ('{{ x }}') can become a parameter.
      if (!chunk.endsWith("'") || !after.startsWith("'")) {
        return c.unsupported('the query builds a quoted text from an expression and other text; Junction binds values as parameters: rewrite it with a parameter');
      }
      out += chunk.slice(0, -1) + b.add(c.value(expr, 'query'));
      inQuote = false;
      i = close + 3;
    } else {
      out += chunk + b.add(c.value(expr, 'query'));
      i = close + 2;
    }
  }
  c.note('warning', 'expression', 'query', 'the values the query took from expressions ({{ }}) are now bound parameters; an expression that gave SQL text (a table name, a list of values) must be rewritten');
  return out;
}

/** Splits text on commas outside brackets, quotes and {{ }}. */
function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of body) {
    if (quote) { if (ch === quote) quote = ''; } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0 && !quote) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  return parts.map((x) => x.trim()).filter((x) => x !== '');
}

/**
 * n8n's "Query Parameters": comma-separated values (each may be a {{ }}), or one expression
 * giving a list ("={{ [$json.a, $json.b] }}"), whose entries become the parameters.
 */
export function splitReplacement(text: string): string[] {
  const list = /^=\{\{\s*\[([\s\S]*)\]\s*\}\}$/.exec(text.trim());
  if (list) return splitTop(list[1]).map((e) => `={{ ${e} }}`);
  const expr = text.startsWith('=');
  return splitTop(expr ? text.slice(1) : text).map((x) => (expr ? `=${x}` : x));
}
