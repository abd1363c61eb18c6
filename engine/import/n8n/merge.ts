/**
 * Merge v1, v2 and v3 → core.merge (inputs a and b). Junction's modes: append, byPosition,
 * byKey (inner / left / outer on one key field, b's value wins on clashes) and first.
 * Modes that keep one side unchanged (keepKeyMatches, removeKeyMatches, keepNonMatches, choose
 * branch, pass-through), cross joins (multiplex / combineAll), SQL, and more than two inputs have
 * no equivalent: placeholder.
 */
import type { Mapped, Mapper, MapContext } from './context';
import { fieldList, read } from './context';

const twoInputs = { input: (i: number) => (i === 0 ? 'a' : i === 1 ? 'b' : undefined) };
const swapped = { input: (i: number) => (i === 0 ? 'b' : i === 1 ? 'a' : undefined) };

const append = (): Mapped => ({ type: 'core.merge', params: { mode: 'append' }, ...twoInputs });
const byPosition = (includeUnpaired: boolean): Mapped => ({ type: 'core.merge', params: { mode: 'byPosition', includeUnpaired }, ...twoInputs });

function byKey(c: MapContext, keyA: unknown, keyB: unknown, join: 'inner' | 'left' | 'outer', swap = false): Mapped {
  const a = String(c.value(keyA ?? '', 'propertyName1') ?? '');
  const b = String(c.value(keyB ?? '', 'propertyName2') ?? '');
  if (!a || !b) c.unsupported('the merge keys are empty');
  if (a.includes('{{') || b.includes('{{')) c.unsupported('merge keys given by expressions have no Junction equivalent');
  return { type: 'core.merge', params: swap ? { mode: 'byKey', keyA: b, keyB: a, join } : { mode: 'byKey', keyA: a, keyB: b, join }, ...(swap ? swapped : twoInputs) };
}

function v1(c: MapContext): Mapped {
  const p = c.params;
  const mode = String(p.mode ?? 'append');
  switch (mode) {
    case 'append': return append();
    case 'mergeByIndex': return byPosition(p.join === 'outer' || p.join === 'left');
    case 'mergeByKey': return byKey(c, p.propertyName1, p.propertyName2, 'left');
    default: return c.unsupported(`Merge mode "${mode}" has no Junction equivalent`);
  }
}

/** The key fields of v2 (mergeByFields.values) and v3 (fieldsToMatchString, or the advanced list). */
function keysOf(c: MapContext): { a: string; b: string } {
  const p = c.params;
  const pairs = (read(p, 'mergeByFields.values') ?? []) as { field1?: string; field2?: string }[];
  if (c.version >= 3 && p.advanced !== true) {
    const names = fieldList(p.fieldsToMatchString);
    if (names.length !== 1) c.unsupported(`Merge on ${names.length} key fields has no Junction equivalent (one key field only)`);
    return { a: names[0], b: names[0] };
  }
  if (pairs.length !== 1) c.unsupported(`Merge on ${pairs.length} key field pairs has no Junction equivalent (one pair only)`);
  return { a: String(pairs[0].field1 ?? ''), b: String(pairs[0].field2 ?? '') };
}

function byFields(c: MapContext): Mapped {
  const p = c.params;
  const join = String(p.joinMode ?? 'keepMatches');
  const { a, b } = keysOf(c);
  if (join === 'keepMatches') {
    const from = String(p.outputDataFrom ?? 'both');
    if (from !== 'both') c.unsupported(`Merge keeping matches with data from ${from} only has no Junction equivalent`);
    return byKey(c, a, b, 'inner');
  }
  if (join === 'keepEverything') return byKey(c, a, b, 'outer');
  if (join === 'enrichInput1') return byKey(c, a, b, 'left');
  if (join === 'enrichInput2') return byKey(c, a, b, 'left', true);
  return c.unsupported(`Merge join "${join}" has no Junction equivalent`);
}

function v2v3(c: MapContext): Mapped {
  const p = c.params;
  const inputs = Number(p.numberInputs ?? 2);
  if (inputs > 2) c.unsupported(`Merge with ${inputs} inputs has no Junction equivalent (two inputs only)`);
  const mode = String(p.mode ?? 'append');
  if (mode === 'append') return append();
  if (mode !== 'combine') return c.unsupported(`Merge mode "${mode}" has no Junction equivalent`);
  const how = String(p.combineBy ?? p.combinationMode ?? (c.version >= 3 ? 'combineByFields' : 'mergeByFields'));
  const options = (p.options ?? {}) as Record<string, unknown>;
  if (options.clashHandling !== undefined) c.note('warning', 'option', 'options.clashHandling', 'clashing fields always take input 2\'s value in Junction');
  if (how === 'combineByPosition' || how === 'mergeByPosition') return byPosition(options.includeUnpaired === true);
  if (how === 'combineByFields' || how === 'mergeByFields') return byFields(c);
  return c.unsupported(`Merge by "${how}" (every combination) has no Junction equivalent`);
}

export const mapMerge: Mapper = (c) => (c.version >= 2 ? v2v3(c) : v1(c));
