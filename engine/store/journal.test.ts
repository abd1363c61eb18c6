import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../sdk';
import { openRunStore } from './index';

const root = mkdtempSync(join(tmpdir(), 'junction-store-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (runId: string, seq: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  runId, nodeId: 'upsert', seq, system: 'postgres:crm', key: `customer:${seq}`, op: 'update',
  before: { id: seq, name: 'Old' }, after: { id: seq, name: 'New' }, at: `2026-01-01T00:00:0${seq}.000Z`, ...extra,
});

describe('write journal', () => {
  it('lists a run\'s entries in seq order with before and after intact', () => {
    const store = openRunStore(join(root, 'journal.db'));
    store.journal.append(entry('run-1', 2));
    store.journal.append(entry('run-2', 1, { system: 'file:/data/x.json' }));
    store.journal.append(entry('run-1', 1, { op: 'create', before: null, after: { id: 'new-1' } }));
    store.journal.append(entry('run-1', 3, { op: 'delete', after: undefined }));

    const list = store.journal.list('run-1');
    expect(list.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(list[0]).toEqual(entry('run-1', 1, { op: 'create', before: null, after: { id: 'new-1' } }));
    expect(list[1]).toEqual(entry('run-1', 2));
    expect(list[2]).toMatchObject({ op: 'delete', before: { id: 3, name: 'Old' }, after: null });
    expect(store.journal.list('run-2')).toHaveLength(1);
    expect(store.journal.list('none')).toEqual([]);
    store.close();
  });

  it('refuses an unknown op', () => {
    const store = openRunStore(join(root, 'op.db'));
    expect(() => store.journal.append(entry('r', 1, { op: 'upsert' as never }))).toThrow(/CHECK/);
    store.close();
  });
});
