import type { Item } from './types';

/**
 * A new item stemming from `from`: lineage for `$('Node').item`, and the source's binary data,
 * which travels with what was made from it (several sources: their files together, later wins).
 */
export function newItem(json: Record<string, unknown>, from?: Item | Item[]): Item {
  if (from === undefined) return { json };
  if (!Array.isArray(from)) return from.binary === undefined ? { json, paired: [from] } : { json, binary: from.binary, paired: [from] };
  let binary: Item['binary'];
  for (const f of from) if (f.binary !== undefined) binary = binary === undefined ? f.binary : { ...binary, ...f.binary };
  return binary === undefined ? { json, paired: from } : { json, binary, paired: from };
}
