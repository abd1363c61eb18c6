import type { Item } from '../sdk/types';

/** Items walked per port; a longer port is sampled evenly and the sample scaled up. */
const SAMPLED_ITEMS = 256;
/** Deeper values are counted as a short placeholder: items are JSON, and this bounds the walk's stack. */
const MAX_DEPTH = 64;

/**
 * Roughly how many bytes of JSON the items of `ports` make, stopping early once past `limit`.
 * Cheap on purpose (it runs after every node): strings count by length, numbers as 8, and
 * a port of more than 256 items is estimated from 256 of them spread over the whole list.
 */
export function estimateOutputBytes(ports: Record<string, Item[]>, limit: number): number {
  let total = 0;
  for (const items of Object.values(ports)) {
    const n = items.length;
    const step = n > SAMPLED_ITEMS ? n / SAMPLED_ITEMS : 1;
    const walked = Math.min(n, SAMPLED_ITEMS);
    let bytes = 0;
    for (let k = 0; k < walked && bytes * (n / walked) <= limit; k++) bytes += sizeOf(items[Math.floor(k * step)]?.json, 0, limit);
    total += walked ? bytes * (n / walked) : 0;
    if (total > limit) return total;
  }
  return total;
}

function sizeOf(v: unknown, depth: number, limit: number): number {
  switch (typeof v) {
    case 'string': return v.length + 2;
    case 'number': case 'bigint': return 8;
    case 'boolean': return 5;
    case 'object': break;
    default: return 4;
  }
  if (v === null || depth >= MAX_DEPTH) return 4;
  let bytes = 2;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && bytes <= limit; i++) bytes += sizeOf(v[i], depth + 1, limit) + 1;
    return bytes;
  }
  for (const key in v) {
    if (bytes > limit) break;
    bytes += key.length + 4 + sizeOf((v as Record<string, unknown>)[key], depth + 1, limit);
  }
  return bytes;
}
