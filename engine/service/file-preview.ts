import { isAbsolute, resolve } from 'node:path';
import type { ColumnKind, FilePreview, Handlers } from '../api';
import { systemClock } from '../exec/clock';
import { standaloneContext } from '../exec/standalone-context';
import type { NodeLookup } from '../flow';
import { JunctionError, toErrorInfo } from '../sdk/errors';
import type { Problem } from '../sdk/schema';
import type { CodeRunner, Item, NodeType } from '../sdk/types';

export const PREVIEW_ROWS = 20;
const PREVIEW_TIMEOUT_MS = 10_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const kindOf = (v: unknown): ColumnKind => (v === null || v === undefined || v === '' ? 'empty'
  : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean'
    : typeof v === 'string' ? (ISO_DATE.test(v) ? 'date' : 'text') : 'object');

/** Each column (in first-seen order) with one kind over the rows: empties do not count, two kinds make `mixed`. */
export function columnKinds(rows: Record<string, unknown>[]): FilePreview['columns'] {
  const kinds = new Map<string, ColumnKind>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const k = kindOf(value);
      const was = kinds.get(name);
      if (was === undefined || was === 'empty') kinds.set(name, k);
      else if (k !== 'empty' && k !== was) kinds.set(name, 'mixed');
    }
  }
  return [...kinds].map(([name, type]) => ({ name, type }));
}

const noCode: CodeRunner = { run: () => Promise.reject(new JunctionError('preview.no-code', 'A preview runs no code')) };

/**
 * Reads the first rows through the node type's own `stream`, outside any run: the same
 * detection and parsing a run does, stopped after PREVIEW_ROWS. Only a plain path previews (an
 * expression needs a run's data); a relative one resolves against the workspace.
 */
async function preview(type: NodeType, params: Record<string, unknown>, workspace: string): Promise<FilePreview> {
  const source = params.source as { from?: string; path?: unknown } | undefined;
  if (source?.from !== 'path' || typeof source.path !== 'string' || source.path.includes('{{')) {
    return { columns: [], rows: [], problems: [{ path: 'params.source', code: 'preview.unavailable', message: 'A preview needs a plain file path; binary data and paths with expressions show their rows after a run' }] };
  }
  const path = source.path.trim();
  const absolute = isAbsolute(path) || path.startsWith('~') || path === '' ? path : resolve(workspace, path);
  const { value, problems } = type.validate({ ...params, source: { ...source, path: absolute } });
  if (problems.length) return { columns: [], rows: [], problems };
  const logs: string[] = [];
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PREVIEW_TIMEOUT_MS);
  const { ctx } = standaloneContext(type, {
    id: 'preview', mode: 'manual', params: value, inputs: { main: [] }, nowMs: Date.now(),
    log: { debug() {}, info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    signal: abort.signal, clock: systemClock, code: noCode, credential: async () => undefined,
  });
  const rows: Record<string, unknown>[] = [];
  const found: Problem[] = [];
  let isWhole = true;
  try {
    for await (const batch of type.stream!(ctx as never)) {
      for (const item of batch.main ?? []) if (rows.length < PREVIEW_ROWS) rows.push(item.json); else isWhole = false;
      for (const bad of (batch.error ?? []) as Item[]) {
        const reason = (bad.json.error ?? {}) as { code?: string; message?: string };
        if (found.length < PREVIEW_ROWS) found.push({ path: 'params.source.path', code: reason.code ?? 'file.row', message: reason.message ?? `line ${String(bad.json.line)} could not be read` });
      }
      if (!isWhole || abort.signal.aborted) { isWhole = false; break; }
    }
  } catch (e) {
    const info = toErrorInfo(e);
    return { columns: [], rows: [], problems: [{ path: info.path ?? 'params.source.path', code: info.code, message: abort.signal.aborted ? `The file took more than ${PREVIEW_TIMEOUT_MS / 1000} s to preview` : info.message }] };
  } finally { clearTimeout(timer); }
  const detected = logs.map((l) => l.replace(/^Reading .*?: /, '')).join('; ') || undefined;
  return { columns: columnKinds(rows), rows, ...(isWhole ? { total: rows.length } : {}), ...(detected ? { detected } : {}), problems: found };
}

/** `files.preview`: a file node's first rows and column types, for the inspector before a run. */
export function filePreviewHandlers(deps: { types: NodeLookup; workspace: string }): Pick<Handlers, 'files.preview'> {
  return {
    async 'files.preview'({ nodeType = 'file.read', params }) {
      const versions = deps.types.versions(nodeType);
      const type = versions.length ? deps.types.get(nodeType, Math.max(...versions)) : undefined;
      if (!type?.stream) throw new JunctionError('preview.unsupported', `"${nodeType}" is not a node type that reads files`, { path: 'nodeType' });
      return preview(type, params ?? {}, deps.workspace);
    },
  };
}
