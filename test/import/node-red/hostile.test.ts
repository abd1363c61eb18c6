import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { CORPUS } from './run-imported';
import { importProblems } from '../flow-problems';

/** A small seeded generator, so a failure names a reproducible case. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}
const ODD_VALUES: unknown[] = [null, 42, -1, '', 'x', [], {}, [null], [[42]], { a: null }, true, '{{ $json }}', '__proto__'];

describe('Node-RED import of damaged exports', () => {
  it.each(readdirSync(CORPUS).sort())('%s with fields replaced by odd values imports and validates', (file) => {
    const source = JSON.parse(readFileSync(`${CORPUS}/${file}`, 'utf8')) as Record<string, unknown>[];
    const random = rng(file.length * 7919);
    for (let round = 0; round < 30; round++) {
      const copy = structuredClone(source);
      for (let k = 0; k < 5; k++) {
        const node = copy[Math.floor(random() * copy.length)];
        const keys = Object.keys(node).filter((key) => key !== 'id' && key !== 'type');
        if (!keys.length) continue;
        node[keys[Math.floor(random() * keys.length)]] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
      }
      const r = importNodeRed(JSON.stringify(copy), { fileName: file });
      for (const f of r.flows) expect(importProblems(f.flow), `${file} round ${round}`).toEqual([]);
    }
  });
});
