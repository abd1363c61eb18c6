import type { FlowFile } from '../flow/types';
import type { NodeLookup } from '../flow/validate';
import { JunctionError } from '../sdk/errors';
import type { JournalEntry, ResolvedCredential } from '../sdk/types';
import type { FlowNode } from '../flow/types';

export interface RollbackResult {
  reverted: number;
  failed: { entry: JournalEntry; message: string }[];
}

/**
 * Undoes a run's journaled writes, newest first, through each node type's `revert`.
 * A write whose revert fails is reported and the rest still go on: a partial rollback
 * that says what it left is better than one that stops at the first error.
 */
export async function rollbackRun(
  runId: string,
  deps: {
    flow: FlowFile; types: NodeLookup; journal: { list(runId: string): JournalEntry[] };
    audit?: { append(e: { actor: string; action: string; target: string; detail?: unknown }): unknown };
    /** Resolves a node's connection slot, for types that reconnect to undo (databases). */
    credential?: (node: FlowNode, slot: string) => Promise<ResolvedCredential | undefined>;
  },
): Promise<RollbackResult> {
  const entries = deps.journal.list(runId).slice().reverse();
  const result: RollbackResult = { reverted: 0, failed: [] };
  for (const entry of entries) {
    const node = deps.flow.nodes.find((n) => n.id === entry.nodeId);
    const type = node && deps.types.get(node.type, node.version);
    try {
      if (!type?.revert) throw new JunctionError('rollback.unsupported', `node "${node?.name ?? entry.nodeId}" cannot undo its writes`);
      await type.revert(entry, { credential: async (slot) => (deps.credential && node ? deps.credential(node, slot) : undefined) });
      result.reverted++;
      deps.audit?.append({ actor: 'engine', action: 'write.reverted', target: `${entry.system}/${entry.key}`, detail: { runId, seq: entry.seq } });
    } catch (e) {
      result.failed.push({ entry, message: (e as Error).message });
    }
  }
  return result;
}
