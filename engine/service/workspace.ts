import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, watch, writeSync, type FSWatcher } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { JunctionError } from '../sdk/errors';

/** What listing needs from one flow file, read once per change of its mtime or size. */
export interface FlowEntry {
  file: string;
  /** The flow's id; `file:<name>` for a file whose id cannot be read, so it still shows up and can be opened. */
  id: string;
  name: string;
  nodeCount: number;
  updatedAt: string;
}

const FLOW_SUFFIX = '.flow.json';
/** A save in progress: `<file>.<8 hex>.tmp`, renamed over the file once written. */
const TEMP_FILE = /\.flow\.json\.[0-9a-f]{8}\.tmp$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `New HubSpot → Postgres!` → `new-hubspot-postgres`; bounded so names stay under every OS's file name limit. */
export function kebab(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return s || 'flow';
}

export const newFlowId = (): string => `f_${randomBytes(9).toString('base64url')}`;

/**
 * The workspace folder: flows in `flows/*.flow.json` (the source of truth) and deleted flows
 * in `.trash/`, so a delete can be undone. Every write goes through a temp file and a rename,
 * so a crash never leaves half a flow on disk.
 */
export function openWorkspace(root: string, onChange: () => void) {
  const flowsDir = join(root, 'flows');
  const trashDir = join(root, '.trash');
  mkdirSync(flowsDir, { recursive: true });
  const realFlowsDir = realpathSync(flowsDir);
  removeStaleTemps(flowsDir);
  const cache = new Map<string, { mtimeMs: number; size: number; entry: FlowEntry }>();

  /**
   * The file's path when it really lies in flows/. A symlink (or a renamed folder) placed in
   * flows/ must not let the app read a file from elsewhere on the disk.
   */
  const pathOf = (file: string): string => {
    const path = join(flowsDir, safeName(file));
    let real: string;
    try { real = realpathSync(path); } catch { return path; } // missing: the read that follows says so
    if (!real.startsWith(realFlowsDir + sep)) throw new JunctionError('workspace.outside', `"${file}" links to a file outside the workspace's flows folder; it is not opened`);
    return path;
  };

  const read = (file: string): FlowEntry => {
    const path = pathOf(file);
    const st = statSync(path);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.entry;
    let doc: unknown;
    try { doc = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')); } catch { doc = undefined; }
    const d = isObj(doc) ? doc : {};
    const entry: FlowEntry = {
      file,
      id: typeof d.id === 'string' && d.id ? d.id : `file:${file}`,
      name: typeof d.name === 'string' && d.name ? d.name : file.slice(0, -FLOW_SUFFIX.length),
      nodeCount: Array.isArray(d.nodes) ? d.nodes.length : 0,
      updatedAt: st.mtime.toISOString(),
    };
    cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, entry });
    return entry;
  };

  const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(FLOW_SUFFIX)).sort() : []);

  const list = (): FlowEntry[] => {
    const out: FlowEntry[] = [];
    const seen = new Set<string>();
    for (const file of files(flowsDir)) {
      try {
        const e = read(file);
        // Two files with one id (a copy made outside the app): the first wins, the copy is listed by file.
        out.push(seen.has(e.id) ? { ...e, id: `file:${file}` } : e);
        seen.add(e.id);
      } catch { /* removed while listing, or a link out of the folder */ }
    }
    return out;
  };

  const find = (id: string): FlowEntry | undefined => list().find((e) => e.id === id);

  const get = (id: string): FlowEntry => {
    const e = find(id);
    if (!e) throw new JunctionError('flow.not-found', `There is no flow with the id "${id}" in this workspace`);
    return e;
  };

  /** A file name from the flow name that no other flow uses; `keep` is the flow's current file. */
  const fileFor = (name: string, keep?: string): string => {
    const base = kebab(name);
    // `a-2.flow.json` renamed to a name that still makes `a` keeps its file: no churn in git.
    if (keep && new RegExp(`^${base}(-\\d+)?\\.flow\\.json$`).test(keep)) return keep;
    const taken = new Set(files(flowsDir));
    for (let i = 1; ; i++) {
      const file = `${base}${i === 1 ? '' : `-${i}`}${FLOW_SUFFIX}`;
      if (file === keep || !taken.has(file)) return file;
    }
  };

  /** The new text reaches the disk before the rename, so a power cut leaves the old file or the new one. */
  const writeAtomic = (path: string, text: string) => {
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  };

  let watcher: FSWatcher | undefined;
  try {
    // Edits made outside the app (git pull, a text editor) show up in the flow list.
    watcher = watch(flowsDir, (_, name) => { if (!name || String(name).endsWith(FLOW_SUFFIX)) onChange(); });
    watcher.on('error', () => watcher?.close());
  } catch { /* no inotify slots left: the list refreshes on the app's own changes only */ }

  return {
    root,
    flowsDir,
    list,
    find,
    get,
    fileFor,
    readText: (file: string): string => readFileSync(pathOf(file), 'utf8'),
    /** Writes `text` as `file`; when the flow lived in `oldFile`, that file goes away once the new one is in place. */
    write(file: string, text: string, oldFile?: string) {
      writeAtomic(join(flowsDir, safeName(file)), text);
      if (oldFile && oldFile !== file) unlinkSync(join(flowsDir, safeName(oldFile)));
      onChange();
    },
    /** Moves a flow file to `.trash/`, stamped so older deletes of the same name are kept. */
    trash(file: string) {
      mkdirSync(trashDir, { recursive: true });
      renameSync(join(flowsDir, safeName(file)), join(trashDir, `${Date.now()}-${safeName(file)}`));
      onChange();
    },
    /** The newest trashed file holding the flow `id`, with its text. */
    findTrashed(id: string): { trashFile: string; originalName: string; text: string } | undefined {
      for (const trashFile of files(trashDir).reverse()) {
        const text = readFileSync(join(trashDir, trashFile), 'utf8');
        let doc: unknown;
        try { doc = JSON.parse(text); } catch { continue; }
        if (isObj(doc) && doc.id === id) return { trashFile, originalName: trashFile.replace(/^\d+-/, ''), text };
      }
      return undefined;
    },
    untrash(trashFile: string, file: string) {
      renameSync(join(trashDir, safeName(trashFile)), join(flowsDir, safeName(file)));
      onChange();
    },
    close() { watcher?.close(); },
  };
}

export type Workspace = ReturnType<typeof openWorkspace>;

/** Temp files of saves cut short (a crash, a power cut); each one's flow file is intact. */
function removeStaleTemps(dir: string) {
  for (const name of readdirSync(dir)) {
    if (!TEMP_FILE.test(name)) continue;
    try { unlinkSync(join(dir, name)); } catch { /* gone already, or not ours to remove */ }
  }
}

/** File names come from our own listing, but a bug must never turn one into a path outside the folder. */
function safeName(file: string): string {
  if (basename(file) !== file || file.startsWith('.')) throw new JunctionError('workspace.bad-file', `"${file}" is not a flow file name`);
  return file;
}
