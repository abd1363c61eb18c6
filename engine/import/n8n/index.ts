/** n8n workflow exports and clipboard copies (both `{ nodes, connections }`) → one Junction flow. */
import type { ImportResult } from '../types';
import { convertWorkflow, type N8nWorkflow } from './workflow';

export function importN8n(doc: N8nWorkflow, fallbackName: string): ImportResult {
  return { source: 'n8n', flows: [convertWorkflow(doc, fallbackName)], notes: [] };
}
