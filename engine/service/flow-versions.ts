/**
 * Local version history of each flow: the last saved versions, kept in the data directory
 * (never in the workspace, so git sees only the flow itself). Editor undo lives in memory
 * and ends with the window; this survives a restart, so a save that went wrong (every node
 * deleted, then autosaved) can always be taken back.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowVersion, Handlers } from '../api';
import { serializeFlow, type FlowFile, type NodeLookup } from '../flow';
import { JunctionError } from '../sdk/errors';
import type { Clock } from '../sdk/types';
import { readFlowText, stripSecrets } from './flow-text';

/** How many saved versions each flow keeps. */
export const VERSIONS_KEPT = 20;
const SUFFIX = '.flow.json';
const VERSION_ID = /^\d{13}-[0-9a-f]{8}$/;

/** A folder name for a flow id: the id itself when it is plain, else its hash (ids come from files). */
const folderOf = (flowId: string) => (/^[A-Za-z0-9_-]{1,100}$/.test(flowId) ? flowId : `h_${createHash('sha256').update(flowId).digest('hex').slice(0, 32)}`);

export function openFlowVersions(root: string, clock: Clock, types: NodeLookup) {
  const dirOf = (flowId: string) => join(root, folderOf(flowId));
  const ids = (flowId: string) => {
    const dir = dirOf(flowId);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).filter((v) => VERSION_ID.test(v)).sort() : [];
  };
  const readText = (flowId: string, versionId: string) => readFileSync(join(dirOf(flowId), `${versionId}${SUFFIX}`), 'utf8');

  /** Keeps `text` as the flow's newest version unless it already is; drops the oldest beyond the limit. */
  const recordText = (flowId: string, text: string) => {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    const existing = ids(flowId);
    const newest = existing[existing.length - 1];
    if (newest && newest.endsWith(hash) && readText(flowId, newest) === text) return;
    const dir = dirOf(flowId);
    mkdirSync(dir, { recursive: true });
    // Millisecond stamps sort as text; two saves in one millisecond step one forward.
    let stamp = Math.max(clock.now(), newest ? Number(newest.slice(0, 13)) + 1 : 0);
    stamp = Math.min(stamp, 9_999_999_999_999);
    const path = join(dir, `${String(stamp).padStart(13, '0')}-${hash}${SUFFIX}`);
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
    for (const old of existing.slice(0, Math.max(0, existing.length + 1 - VERSIONS_KEPT))) unlinkSync(join(dir, `${old}${SUFFIX}`));
  };

  const handlers: Pick<Handlers, 'flows.versions' | 'flows.version'> = {
    async 'flows.versions'({ id }) {
      return ids(id).reverse().map((versionId): FlowVersion => {
        let doc: Partial<FlowFile> = {};
        try { doc = JSON.parse(readText(id, versionId)) as Partial<FlowFile>; } catch { /* listed with what the name tells */ }
        return {
          id: versionId,
          savedAt: new Date(Number(versionId.slice(0, 13))).toISOString(),
          name: typeof doc.name === 'string' ? doc.name : '',
          nodeCount: Array.isArray(doc.nodes) ? doc.nodes.length : 0,
        };
      });
    },
    async 'flows.version'({ id, versionId }) {
      if (!VERSION_ID.test(versionId) || !ids(id).includes(versionId)) {
        throw new JunctionError('flow.version-not-found', `Flow "${id}" has no saved version "${versionId}"`);
      }
      return { flow: readFlowText(readText(id, versionId), types, `version ${versionId}`).flow };
    },
  };

  return {
    handlers,
    /** Records a flow as saved (secrets stripped, canonical text, as the workspace file holds it). */
    record(flow: FlowFile) {
      if (!flow.id || flow.id.startsWith('file:')) return;
      recordText(flow.id, serializeFlow(stripSecrets(flow).flow));
    },
    /** Records file text as it was on disk before a save replaced it, so history starts with it. */
    recordText(flowId: string, text: string) {
      if (!flowId.startsWith('file:')) recordText(flowId, text);
    },
  };
}
