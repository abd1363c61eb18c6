import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './test-files';
import watchNode from './watch';

const tmp = tempFolder('junction-watch-');

/** Starts the trigger on a folder, as the engine does while a flow is active. */
async function listening(params: Record<string, unknown>) {
  const { value, problems } = watchNode.validate(params);
  expect(problems).toEqual([]);
  const got: Record<string, unknown>[] = [];
  const abort = new AbortController();
  const logs: string[] = [];
  const log = { debug() {}, info() {}, warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const stop = await watchNode.listen!({ node: { id: 'w', name: 'Watch', type: 'file.watch', version: 1 }, flow: { id: 'f', name: 'f' }, params: value as never, credential: async () => undefined, signal: abort.signal, log }, (items) => got.push(...items));
  return { got, stop, logs };
}

const until = async (check: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check()) { if (Date.now() > end) throw new Error('timed out waiting for the watcher'); await new Promise((r) => setTimeout(r, 50)); }
};

describe('file.watch', () => {
  it('emits a new file matching the pattern once it has stopped growing, and ignores others', async () => {
    const dir = `${tmp.dir}/inbox`;
    mkdirSync(dir);
    writeFileSync(`${dir}/before.csv`, 'old'); // already there: not new
    const { got, stop } = await listening({ folder: dir, pattern: '*.csv', stableMs: 1000 });
    try {
      writeFileSync(`${dir}/notes.txt`, 'not matching');
      writeFileSync(`${dir}/.hidden.csv`, 'hidden');
      writeFileSync(`${dir}/orders.csv`, 'a,b\n');
      // Still being written: the run must wait for the last chunk.
      await new Promise((r) => setTimeout(r, 100));
      appendFileSync(`${dir}/orders.csv`, '1,2\n');
      await until(() => got.length >= 1);
      await new Promise((r) => setTimeout(r, 600));
      expect(got).toEqual([expect.objectContaining({ path: `${dir}/orders.csv`, name: 'orders.csv', size: 8, event: 'new' })]);
    } finally { await stop(); }
  });

  it('emits changed files when asked, and stops when told', async () => {
    const dir = `${tmp.dir}/changes`;
    mkdirSync(dir);
    writeFileSync(`${dir}/a.json`, '[]');
    const { got, stop } = await listening({ folder: dir, pattern: '*.json', events: 'changed', stableMs: 200 });
    writeFileSync(`${dir}/a.json`, '[1]');
    await until(() => got.length >= 1);
    expect(got[0]).toMatchObject({ name: 'a.json', event: 'changed', size: 3 });
    await stop();
    writeFileSync(`${dir}/a.json`, '[1,2]');
    await new Promise((r) => setTimeout(r, 600));
    expect(got).toHaveLength(1);
  });

  it('refuses a missing folder and system folders', async () => {
    await expect(listening({ folder: `${tmp.dir}/nope` })).rejects.toThrow(/does not exist/);
    await expect(listening({ folder: '/proc' })).rejects.toThrow(/inside \/proc/);
  });
});
