import type { Item } from '../sdk';

/** Per port per node run: enough to show a table in the run view, small enough to keep every run. */
export const DEFAULT_SAMPLE_BYTES = 32 * 1024;

/**
 * The JSON text of `{ port: { total, kept, items } }` for a node's ports, keeping each port's first
 * items' `json` while their serialized array stays within `capBytes`. Work is bounded by the cap,
 * not by the number of items: the text is built from the pieces, never re-serialized.
 * A streamed node's items are its kept sample: `totals` then gives the exact counts.
 * `paired` and `binary` are left out (object references and refs to files, not data).
 */
export function sampleJson(ports: Record<string, Item[]> | undefined, capBytes: number, totals?: Record<string, number>): string {
  if (!ports) return '{}';
  const parts: string[] = [];
  for (const port of Object.keys(ports)) {
    const items = ports[port] ?? [];
    parts.push(`${JSON.stringify(port)}:${portSample(items, capBytes, totals?.[port])}`);
  }
  return `{${parts.join(',')}}`;
}

/** `total`: how many items went through when `items` is already a streamed node's sample. */
function portSample(items: Item[], capBytes: number, total = items.length): string {
  const kept: string[] = [];
  let bytes = 2; // the array's brackets
  for (const item of items) {
    let text: string | undefined;
    try {
      text = JSON.stringify(item.json ?? null);
    } catch {
      break; // a cyclic or BigInt value: keep what we have rather than fail the run's history
    }
    if (text === undefined) break;
    const size = Buffer.byteLength(text) + (kept.length ? 1 : 0); // the comma before it
    if (bytes + size > capBytes) break;
    bytes += size;
    kept.push(text);
  }
  return `{"total":${total},"kept":${kept.length},"items":[${kept.join(',')}]}`;
}
