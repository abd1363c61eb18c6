import { mkdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { JunctionError } from '../../engine/sdk';

/**
 * Where file paths from a flow may point. A flow file is untrusted, so a path may be anything:
 * relative paths resolve against the workspace (JUNCTION_WORKSPACE when the engine sets it, else
 * the folder the engine runs in), `~/` against the
 * home folder, and absolute paths are allowed (an analyst's export lives anywhere). Never
 * allowed: /proc, /sys and /dev, and anything that is not a regular file (a FIFO would block a
 * read forever, a device could be endless or harmful), checked on the real path after links.
 */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** The folder relative paths start at. */
export const workspaceFolder = () => process.env.JUNCTION_WORKSPACE || process.cwd();

const isUnder = (path: string, root: string) => path === root || path.startsWith(root + sep);

function absolute(raw: string, base: string): string {
  const text = raw.trim();
  if (!text) throw new JunctionError('file.path', 'No file path given');
  if (text.includes('\0')) throw new JunctionError('file.path', 'The file path contains a NUL character');
  if (text === '~' || text.startsWith('~/')) return join(homedir(), text.slice(1));
  return isAbsolute(text) ? resolve(text) : resolve(base, text);
}

function refuseSystem(path: string, shown: string) {
  if (SYSTEM_ROOTS.some((root) => isUnder(path, root))) {
    throw new JunctionError('file.path', `"${shown}" is inside ${SYSTEM_ROOTS.find((r) => isUnder(path, r))}: system files cannot be read or written`);
  }
}

/** The real path of an existing regular file to read; a clear error for anything else. */
export async function fileToRead(raw: string, base = workspaceFolder()): Promise<string> {
  const path = absolute(raw, base);
  refuseSystem(path, raw);
  let real: string;
  try { real = await realpath(path); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JunctionError('file.missing', `The file "${path}" does not exist`);
    throw new JunctionError('file.unreadable', `The file "${path}" cannot be opened: ${(e as Error).message}`);
  }
  refuseSystem(real, raw);
  const info = await stat(real);
  if (info.isDirectory()) throw new JunctionError('file.path', `"${path}" is a folder, not a file`);
  if (!info.isFile()) throw new JunctionError('file.path', `"${path}" is not a regular file (a device, pipe or socket cannot be read)`);
  return real;
}

/** What a destination path is: where it resolves, and whether a regular file is already there. */
export async function fileToWrite(raw: string, base = workspaceFolder()): Promise<{ path: string; exists: boolean; size: number }> {
  const path = absolute(raw, base);
  refuseSystem(path, raw);
  await mkdir(dirname(path), { recursive: true });
  const folder = await realpath(dirname(path));
  refuseSystem(folder, raw);
  const target = join(folder, basename(path));
  const info = await stat(target).catch((e: NodeJS.ErrnoException) => { if (e.code === 'ENOENT') return undefined; throw e; });
  if (info?.isDirectory()) throw new JunctionError('file.path', `"${target}" is a folder, not a file`);
  if (info && !info.isFile()) throw new JunctionError('file.path', `"${target}" is not a regular file (a device, pipe or socket cannot be written)`);
  return { path: target, exists: !!info, size: info?.size ?? 0 };
}

/** A folder to watch: resolved like a file path, and it must be an existing folder. */
export async function folderToWatch(raw: string, base = workspaceFolder()): Promise<string> {
  const path = absolute(raw, base);
  refuseSystem(path, raw);
  const real = await realpath(path).catch(() => { throw new JunctionError('file.missing', `The folder "${path}" does not exist`); });
  refuseSystem(real, raw);
  if (!(await stat(real)).isDirectory()) throw new JunctionError('file.path', `"${path}" is not a folder`);
  return real;
}
