/**
 * Files and clipboard text from n8n or Node-RED go to the engine's importer (`flows.importForeign`);
 * the report then opens in the import report dialog. Junction's own flow files are not foreign.
 */
import { create } from 'zustand';
import type { ForeignImportDto } from '../../engine/api';
import type { ApiClient } from '../api/client';
import { useFlows } from '../state/flows-store';
import { errorText, toast } from '../state/toast-store';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether text is worth handing to the importer: an object with a `nodes` list that is not a
 * Junction flow or fragment (n8n), or a list of objects with an id and a type (Node-RED).
 * The engine decides for certain and says why when it is neither.
 */
export function looksForeign(text: string): boolean {
  const head = text.trimStart()[0];
  if (head !== '{' && head !== '[') return false;
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { return false; }
  if (isObj(doc)) return Array.isArray(doc.nodes) && typeof doc.format !== 'string';
  return Array.isArray(doc) && doc.length > 0 && doc.every((n) => isObj(n) && typeof n.id === 'string' && typeof n.type === 'string');
}

interface ReportState { report?: ForeignImportDto; fileName?: string; show(report: ForeignImportDto, fileName?: string): void; close(): void }

export const useImportReport = create<ReportState>()((set) => ({
  show: (report, fileName) => set({ report, fileName }),
  close: () => set({ report: undefined, fileName: undefined }),
}));

/** Imports n8n / Node-RED text and opens the report; a refusal is the engine's one sentence in a toast. */
export async function importForeign(api: ApiClient, text: string, fileName?: string): Promise<void> {
  try {
    const report = await api.call('flows.importForeign', { text, ...(fileName ? { fileName } : {}) });
    useImportReport.getState().show(report, fileName);
  } catch (e) {
    toast('error', `Could not import ${fileName ? `“${fileName}”` : 'the pasted text'}: ${errorText(e)}`);
  }
  await useFlows.getState().reload(api);
}
