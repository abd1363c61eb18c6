/**
 * Items to rows: each item field to the column of the same name (auto), or the listed columns
 * each from an expression; every name checked against the table's real columns first, so an
 * unknown column is reported with the item that has it before anything is written.
 */
import { JunctionError, type Item, type NodeContext } from '../../engine/sdk';
import type { SqlParams } from './params';
import type { ColumnInfo, Dialect, Row, TableInfo } from './types';

export interface MappedRows {
  columns: string[];
  /** Column name → value as the item gave it (for messages and the journal). */
  rows: Row[];
  /** The values converted for binding, in `columns` order. */
  values: unknown[][];
}

/** Finds a column by exact name, then (MySQL and SQLite compare names without case) ignoring case. */
export function columnResolver(table: TableInfo, dialect: Dialect): (name: string) => ColumnInfo | undefined {
  const exact = new Map(table.columns.map((c) => [c.name, c]));
  const folded = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  return (name) => exact.get(name) ?? (dialect.engine === 'postgres' ? undefined : folded.get(name.toLowerCase()));
}

export function mapRows(ctx: NodeContext<SqlParams>, items: Item[], offset: number, table: TableInfo, dialect: Dialect): MappedRows {
  const fail = (message: string, path?: string): never => { throw new JunctionError('sql.unknownColumn', message, { node: ctx.node.name, path }); };
  const resolve = columnResolver(table, dialect);
  const known = () => table.columns.map((c) => c.name).join(', ');
  const mapping = ctx.paramsAsWritten.mapping;
  const rows: Row[] = new Array(items.length);
  let columns: ColumnInfo[];
  if (mapping.mode === 'columns') {
    columns = mapping.columns.map((m, i) => resolve(m.column) ?? fail(`table "${table.name}" has no column "${m.column}" (it has ${known()})`, `params.mapping.columns[${i}].column`));
    const readers = mapping.columns.map((_, i) => ctx.paramReader(['mapping', 'columns', i, 'value']));
    for (let r = 0; r < items.length; r++) {
      const row: Row = {};
      for (let c = 0; c < columns.length; c++) row[columns[c].name] = readers[c](items[r], offset + r);
      rows[r] = row;
    }
  } else {
    const byField = new Map<string, ColumnInfo>();
    for (let r = 0; r < items.length; r++) {
      const json = items[r].json;
      const row: Row = {};
      for (const field in json) {
        let col = byField.get(field);
        if (!col) {
          col = resolve(field) ?? fail(`item ${offset + r}: field "${field}" has no column in table "${table.name}" (it has ${known()}); rename the field or map columns explicitly`);
          byField.set(field, col);
        }
        row[col.name] = json[field];
      }
      rows[r] = row;
    }
    columns = [...new Set(byField.values())];
  }
  const values = rows.map((row) => columns.map((c) => dialect.toParam(row[c.name], c)));
  return { columns: columns.map((c) => c.name), rows, values };
}

/** The key columns a write identifies rows by, resolved to the table's own names. */
export function keyColumnsOf(ctx: NodeContext<SqlParams>, table: TableInfo, dialect: Dialect, opts: { required: boolean }): string[] {
  const named = ctx.paramsAsWritten.keyColumns;
  const resolve = columnResolver(table, dialect);
  if (named.length) {
    return named.map((k, i) => resolve(k)?.name ?? ctx.fail(`table "${table.name}" has no key column "${k}"`, { code: 'sql.unknownColumn', path: `params.keyColumns[${i}]` }));
  }
  const primary = table.columns.filter((c) => c.isKey).map((c) => c.name);
  if (!primary.length && opts.required) ctx.fail(`name the key columns: table "${table.name}" has no primary key to find rows by`, { code: 'sql.noKey', path: 'params.keyColumns' });
  return primary;
}
