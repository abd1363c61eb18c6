import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openResultFiles } from './result-file';
import { createSesSandbox } from './ses-sandbox';

const limits = { timeoutMs: 10_000, memoryMb: 64 };

describe('large results from the sandbox process', () => {
  const realTmp = process.env.TMPDIR;
  afterEach(() => { if (realTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = realTmp; });

  it('cross through a private file that is removed after reading, and the folder goes with the process', async () => {
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'result-file-test-'));
    const sandbox = createSesSandbox();
    try {
      // Text outside ASCII (é is one byte in latin1, two in UTF-8): the file must carry UTF-8.
      const { resultJson } = await sandbox.run("return Array.from({ length: 20000 }, (_, i) => ({ i, s: 'é✓😀' + i }))", '[]', limits);
      const parsed = JSON.parse(resultJson) as { i: number; s: string }[];
      expect(parsed).toHaveLength(20_000);
      expect(parsed[19_999]).toEqual({ i: 19_999, s: 'é✓😀19999' });
      const folders = readdirSync(process.env.TMPDIR).filter((f) => f.startsWith('junction-sandbox-'));
      expect(folders).toHaveLength(1);
      expect(readdirSync(join(process.env.TMPDIR, folders[0]))).toEqual([]); // read and removed
      const ascii = await sandbox.run("return Array.from({ length: 20000 }, (_, i) => ({ i, s: 'plain ' + i }))", '[]', limits);
      expect(JSON.parse(ascii.resultJson)[19_999]).toEqual({ i: 19_999, s: 'plain 19999' });
      const small = await sandbox.run('return [{ a: 1 }]', '[]', limits); // small results use the channel
      expect(small.resultJson).toBe('[{"a":1}]');
    } finally {
      await sandbox.close();
    }
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
    rmSync(process.env.TMPDIR, { recursive: true });
  });
});

describe('openResultFiles', () => {
  it('reads a reply written to the file and removes the file', () => {
    const files = openResultFiles();
    const file = files.pathFor(3)!;
    writeFileSync(file, '[1,2]');
    expect(files.take({ id: 3, ok: true, resultInFile: true, logs: [] })).toEqual({ id: 3, ok: true, resultJson: '[1,2]', resultInFile: undefined, logs: [] });
    expect(existsSync(file)).toBe(false);
    files.remove();
  });

  it('turns a missing file into a failed run that discards the sandbox, and leaves other replies alone', () => {
    const files = openResultFiles();
    const reply = files.take({ id: 4, ok: true, resultInFile: true, logs: [{ level: 'info', message: 'hi' }] });
    expect(reply).toMatchObject({ ok: false, fault: true, logs: [{ level: 'info', message: 'hi' }], error: { code: 'code.error' } });
    expect(reply.error!.message).toMatch(/could not hand over its result/);
    const plain = { id: 5, ok: true, resultJson: '[]' };
    expect(files.take(plain)).toBe(plain);
    const dir = join(files.pathFor(1)!, '..');
    files.remove();
    expect(existsSync(dir)).toBe(false);
  });
});
