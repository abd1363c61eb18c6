import type { FlowFile } from '../../engine/flow/types';

/**
 * Unsaved work backed up in sessionStorage, one draft per flow id: survives a reload or an
 * engine restart in this tab, and is offered back when it is newer than the saved file.
 */
export interface Draft { flow: FlowFile; savedAtMs: number }

const key = (flowId: string) => `junction.draft.${flowId}`;

export function writeDraft(flow: FlowFile) {
  try {
    sessionStorage.setItem(key(flow.id), JSON.stringify({ flow, savedAtMs: Date.now() } satisfies Draft));
  } catch {
    // Storage full or disabled: the draft is a best-effort backup, the store still holds the work.
  }
}

export function readDraft(flowId: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key(flowId));
    const d = raw ? (JSON.parse(raw) as Draft) : undefined;
    return d && d.flow?.id === flowId && typeof d.savedAtMs === 'number' ? d : undefined;
  } catch {
    return undefined;
  }
}

export const clearDraft = (flowId: string) => sessionStorage.removeItem(key(flowId));
