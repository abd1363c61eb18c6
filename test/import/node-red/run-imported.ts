import { readFileSync } from 'node:fs';
import type { FlowFile } from '../../../engine/flow';
import { executeFlow } from '../../../engine/exec';
import { importNodeRed } from '../../../engine/import/node-red';
import type { ImportedFlow } from '../../../engine/import/types';
import { builtinRegistry } from '../../../engine/registry';
import { createCodeRunner, createQuickJsSandbox } from '../../../engine/sandbox';

const types = builtinRegistry();
// Imported flows are untrusted: they run on the isolated (QuickJS) backend.
const code = createCodeRunner(createQuickJsSandbox());

/** The corpus's Node-RED folder; JUNCTION_CORPUS names the corpus root elsewhere (as for the n8n tests). */
export const CORPUS = `${process.env.JUNCTION_CORPUS ?? '/work/shared/corpus'}/node-red`;

export function importFile(file: string): ImportedFlow[] {
  return importNodeRed(readFileSync(`${CORPUS}/${file}`, 'utf8'), { fileName: file }).flows;
}

/** Runs a flow from one of its triggers; returns each node's items per port as plain json. */
export async function runFrom(flow: FlowFile, trigger: string) {
  const r = await executeFlow({ types, code }, flow, { trigger });
  const json = (node: string, port = 'main') => (r.outputs.get(node)?.[port] ?? []).map((i) => i.json);
  return { status: r.status, error: r.error, json, ran: (node: string) => r.nodeStatus.get(node) };
}
