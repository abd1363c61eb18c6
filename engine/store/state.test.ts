import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRunStore } from './index';

const root = mkdtempSync(join(tmpdir(), 'junction-store-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('node state', () => {
  it('loads {} for a node without state, then the committed value, across reopen', () => {
    const path = join(root, 'state.db');
    const store = openRunStore(path);
    expect(store.state.load('flow-1', 'sync')).toEqual({});
    store.state.commit('flow-1', { sync: { cursor: '2026-01-01', page: 3 }, poll: { lastId: 42 } });
    expect(store.state.load('flow-1', 'sync')).toEqual({ cursor: '2026-01-01', page: 3 });
    expect(store.state.load('flow-1', 'poll')).toEqual({ lastId: 42 });
    expect(store.state.load('flow-2', 'sync')).toEqual({});
    store.close();
    const again = openRunStore(path);
    expect(again.state.load('flow-1', 'poll')).toEqual({ lastId: 42 });
    again.close();
  });

  it('replaces a node\'s state on commit and clears it with an empty record', () => {
    const store = openRunStore(join(root, 'replace.db'));
    store.state.commit('f', { n: { a: 1, b: 2 } });
    store.state.commit('f', { n: { b: 3 } });
    expect(store.state.load('f', 'n')).toEqual({ b: 3 });
    store.state.commit('f', { n: {} });
    expect(store.state.load('f', 'n')).toEqual({});
    store.close();
  });

  it('commits atomically: a value that cannot be stored leaves every node as it was', () => {
    const store = openRunStore(join(root, 'atomic.db'));
    store.state.commit('f', { a: { v: 1 }, b: { v: 1 } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // `a` is written first inside the transaction, then `b` fails: `a` must roll back.
    expect(() => store.state.commit('f', { a: { v: 2 }, b: cyclic })).toThrow();
    expect(store.state.load('f', 'a')).toEqual({ v: 1 });
    expect(store.state.load('f', 'b')).toEqual({ v: 1 });
    store.close();
  });
});
