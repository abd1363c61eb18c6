import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CodeBackend } from '../exec/lazy-code-runner';
import { openRunStore, type RunStore } from '../store';

/**
 * Which Code backend `junction run FILE` uses. `--trust` says the person trusts this file for
 * this run. Otherwise the file must be a flow of a workspace (`<workspace>/flows/NAME.flow.json`)
 * that the trust store in the data folder trusts: created there, or trusted in the editor. Any
 * other file (a download, a copy, a file a flow's id was pasted into) runs in QuickJS.
 */
export function codeBackendFor(file: string, flowId: string, opts: { trustFlag: boolean; store?: RunStore; storePath: string }): CodeBackend {
  if (opts.trustFlag) return 'trusted';
  const flowsDir = dirname(file);
  if (basename(flowsDir) !== 'flows' || !flowId) return 'isolated';
  const workspace = dirname(flowsDir);
  if (opts.store) return opts.store.trust.isTrusted(workspace, flowId) ? 'trusted' : 'isolated';
  // Without run history the data folder is only read, and only when it exists.
  if (!existsSync(opts.storePath)) return 'isolated';
  const store = openRunStore(opts.storePath);
  try {
    return store.trust.isTrusted(workspace, flowId) ? 'trusted' : 'isolated';
  } finally {
    store.close();
  }
}
