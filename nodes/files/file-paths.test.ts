import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileToRead, fileToWrite } from './file-paths';
import { tempFolder } from './test-files';

const tmp = tempFolder('junction-paths-');
afterEach(() => { delete process.env.JUNCTION_WORKSPACE; });

describe('file paths from a flow', () => {
  it('resolves relative paths against the workspace, ~/ against the home folder, and keeps absolute ones', async () => {
    process.env.JUNCTION_WORKSPACE = tmp.dir;
    const file = tmp.put('in.csv', 'a\n1\n');
    expect(await fileToRead('in.csv')).toBe(file);
    expect(await fileToRead(file)).toBe(file);
    expect((await fileToWrite('out/new.csv')).path).toBe(join(tmp.dir, 'out/new.csv'));
    expect((await fileToWrite('~/junction-never-written.csv')).path).toBe(join(homedir(), 'junction-never-written.csv'));
  });

  it('refuses pipes, devices, system folders and links into them', async () => {
    const fifo = tmp.path('pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(fileToRead(fifo)).rejects.toThrow(/is not a regular file/);
    await expect(fileToWrite(fifo)).rejects.toThrow(/is not a regular file/);
    await expect(fileToRead('/dev/zero')).rejects.toThrow(/inside \/dev/);
    await expect(fileToRead('/sys/kernel/notes')).rejects.toThrow(/inside \/sys/);
    const link = tmp.path('status.csv');
    symlinkSync('/proc/self/status', link);
    await expect(fileToRead(link)).rejects.toThrow(/inside \/proc/);
    await expect(fileToRead('  ')).rejects.toThrow(/No file path given/);
    await expect(fileToRead('a\0b')).rejects.toThrow(/NUL/);
  });
});
