/**
 * The shared import corpus (real n8n workflows and Node-RED flows, see its README) and what the
 * corpus tests check on each imported flow: validation problems the report does not explain,
 * and secrets that survived.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFlow } from '../../engine/flow';
import type { Problem } from '../../engine/sdk';
import { builtinRegistry } from '../../engine/registry';
import type { ImportedFlow } from '../../engine/import';

export const CORPUS = process.env.JUNCTION_CORPUS ?? '/work/shared/corpus';

export function corpusFiles(tool: 'n8n' | 'node-red'): { name: string; text: string }[] {
  const dir = join(CORPUS, tool);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Validation problems of an imported flow that no error or warning of the report explains. */
export function unexplainedProblems(imported: ImportedFlow): Problem[] {
  const { problems } = validateFlow(JSON.parse(JSON.stringify(imported.flow)), builtinRegistry());
  const explained = new Set(imported.notes.filter((n) => n.severity !== 'info' && n.nodeId).map((n) => n.nodeId));
  return problems.filter((p) => {
    const m = /^\$\.nodes\[(\d+)\]/.exec(p.path);
    const node = m ? imported.flow.nodes[Number(m[1])] : undefined;
    return !(node && explained.has(node.id));
  });
}

/** Every string held in a source file's credentials objects (values, not the reference's id and name). */
function credentialStrings(doc: unknown): string[] {
  const out: string[] = [];
  const collect = (v: unknown, key = '') => {
    if (typeof v === 'string') { if (key !== 'id' && key !== 'name' && v.length >= 4) out.push(v); return; }
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, Array.isArray(v) ? key : k);
  };
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'credentials' && x && typeof x === 'object') for (const ref of Object.values(x)) (typeof ref === 'string' ? undefined : collect(ref));
      else walk(x);
    }
  };
  walk(doc);
  return out;
}

const SECRET_KEY = /(authori[sz]ation|api[-_ ]?key|apikey|token|password|passwd|secret)/i;

/** Literal (non-expression) values in the source stored under secret-looking names. */
function inlineSecrets(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const pairName = typeof o.name === 'string' ? o.name : undefined;
    for (const [k, x] of Object.entries(o)) {
      const named = k === 'value' && pairName ? pairName : k;
      if (typeof x === 'string' && SECRET_KEY.test(named) && !/(Env|Name|Type|Field|Property|Url|Mode)$/.test(named) && x.length >= 6 && !x.startsWith('=') && !x.includes('{{')) out.push(x);
      else walk(x);
    }
  };
  walk(doc);
  return out;
}

/** Secrets from the source (credential values, inline secrets) that appear anywhere in the flow file. */
export function leakedSecrets(sourceText: string, imported: ImportedFlow): string[] {
  let doc: unknown;
  try { doc = JSON.parse(sourceText.replace(/^\uFEFF/, '')); } catch { return []; }
  const flowText = JSON.stringify(imported.flow);
  return [...credentialStrings(doc), ...inlineSecrets(doc)].filter((s) => flowText.includes(JSON.stringify(s).slice(1, -1)));
}
