/** A row that could not be read: where it is, what it said, and why. */
export interface RowError { line: number; raw: string; message: string }

/** What a reader yields: some rows, and the malformed rows met on the way. */
export interface Batch { rows: Record<string, unknown>[]; errors: RowError[] }

/** Gathers rows into batches of `size` for readers that get them one by one. */
export function batcher(size: number) {
  let rows: Record<string, unknown>[] = [];
  let errors: RowError[] = [];
  return {
    add(row: Record<string, unknown>) { rows.push(row); },
    fail(e: RowError) { errors.push(e); },
    get isFull() { return rows.length + errors.length >= size; },
    take(): Batch { const b = { rows, errors }; rows = []; errors = []; return b; },
    get isEmpty() { return rows.length === 0 && errors.length === 0; },
  };
}
