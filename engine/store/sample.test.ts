import { describe, expect, it } from 'vitest';
import { sampleJson } from './sample';

describe('sampleJson', () => {
  it('keeps the first items while the array stays within the cap, counting UTF-8 bytes', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ json: { name: 'Zoë Ünal 東京', i } }));
    const out = JSON.parse(sampleJson({ main: items }, 300)).main;
    expect(out.total).toBe(100);
    expect(out.kept).toBe(out.items.length);
    expect(out.kept).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(out.items))).toBeLessThanOrEqual(300);
    // One more item would not have fit.
    expect(Buffer.byteLength(JSON.stringify([...out.items, items[out.kept].json]))).toBeGreaterThan(300);
  });

  it('keeps nothing of an item larger than the cap, and no binary or paired data', () => {
    const big = { json: { blob: 'x'.repeat(5000) } };
    expect(JSON.parse(sampleJson({ main: [big] }, 1000)).main).toEqual({ total: 1, kept: 0, items: [] });
    const withRefs = { json: { a: 1 }, binary: { file: { mimeType: 'text/plain', size: 1, ref: 'r' } }, paired: [big] };
    expect(JSON.parse(sampleJson({ main: [withRefs] }, 1000)).main.items).toEqual([{ a: 1 }]);
  });

  it('records a streamed node\'s exact count beside the first items it kept', () => {
    const kept = Array.from({ length: 3 }, (_, i) => ({ json: { i } }));
    expect(JSON.parse(sampleJson({ main: kept }, 1000, { main: 2_000_000 })).main).toEqual({ total: 2_000_000, kept: 3, items: [{ i: 0 }, { i: 1 }, { i: 2 }] });
  });

  it('stops at an item that cannot be serialized instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const out = JSON.parse(sampleJson({ main: [{ json: { ok: 1 } }, { json: cyclic }, { json: { ok: 2 } }] }, 1000)).main;
    expect(out).toEqual({ total: 3, kept: 1, items: [{ ok: 1 }] });
  });

  it('handles absent data and empty ports', () => {
    expect(sampleJson(undefined, 100)).toBe('{}');
    expect(JSON.parse(sampleJson({ main: [] }, 100))).toEqual({ main: { total: 0, kept: 0, items: [] } });
  });
});
