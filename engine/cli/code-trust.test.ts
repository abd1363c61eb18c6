import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRunStore } from '../store';
import { codeBackendFor } from './code-trust';

const root = mkdtempSync(join(tmpdir(), 'junction-trust-'));
const workspace = join(root, 'workspace');
mkdirSync(join(workspace, 'flows'), { recursive: true });
const storePath = join(root, 'data', 'junction.db');
const store = openRunStore(storePath);
store.trust.trust(workspace, 'f_mine', 'created');
afterAll(() => store.close());

const inWorkspace = join(workspace, 'flows', 'mine.flow.json');

describe('junction run: which Code backend', () => {
  it('uses the fast backend for a workspace flow the trust store knows', () => {
    expect(codeBackendFor(inWorkspace, 'f_mine', { trustFlag: false, store, storePath })).toBe('trusted');
  });

  it('uses QuickJS for the same id in a file outside that workspace', () => {
    expect(codeBackendFor(join(root, 'downloads', 'mine.flow.json'), 'f_mine', { trustFlag: false, store, storePath })).toBe('isolated');
    expect(codeBackendFor(join(root, 'other', 'flows', 'mine.flow.json'), 'f_mine', { trustFlag: false, store, storePath })).toBe('isolated');
  });

  it('uses QuickJS for a workspace flow nobody trusted, unless --trust is given', () => {
    expect(codeBackendFor(inWorkspace, 'f_imported', { trustFlag: false, store, storePath })).toBe('isolated');
    expect(codeBackendFor(join(root, 'anywhere.flow.json'), 'f_imported', { trustFlag: true, storePath })).toBe('trusted');
  });

  it('reads the store without run history, and creates nothing when there is none', () => {
    expect(codeBackendFor(inWorkspace, 'f_mine', { trustFlag: false, storePath })).toBe('trusted');
    const none = join(root, 'no-data', 'junction.db');
    expect(codeBackendFor(inWorkspace, 'f_mine', { trustFlag: false, storePath: none })).toBe('isolated');
    expect(existsSync(none)).toBe(false);
  });

  it('treats a workspace reached through a symlink as the same workspace', () => {
    const link = join(root, 'linked');
    symlinkSync(workspace, link);
    expect(codeBackendFor(join(link, 'flows', 'mine.flow.json'), 'f_mine', { trustFlag: false, store, storePath })).toBe('trusted');
  });
});
