import { echo, FLOW_FORMAT, nestingProblem, parseFlowText } from '../flow';
import { JunctionError } from '../sdk/errors';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const noTypes = { get: () => undefined, versions: () => [] };
const importError = (sentence: string) => new JunctionError('flow.import', sentence);

/**
 * Parses text offered for import and says, in one sentence, why it is not a Junction flow
 * when it is not: not JSON, an n8n or Node-RED export, or JSON without the format marker.
 */
export function parseImport(source: string, fileName?: string): Obj {
  const what = fileName ? `"${fileName}"` : 'This file';
  const tooDeep = nestingProblem(source);
  if (tooDeep) throw importError(`${what} ${tooDeep.message}; it is not imported`);
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    // The flow model's diagnosis says where the text breaks ("at line 3, column 14: …").
    const where = parseFlowText(source, noTypes).problems[0]?.message.replace(/^is not valid JSON/, '') ?? '';
    throw importError(`${what} is not JSON${where}; it cannot be a Junction flow`);
  }
  if (isN8n(doc)) throw importError('This is an n8n workflow, not a Junction flow file: bring it in with Import… in the editor or `junction import`, which map its nodes');
  if (isNodeRed(doc)) throw importError('This is a Node-RED export, not a Junction flow file: bring it in with Import… in the editor or `junction import`, which map its nodes');
  if (!isObj(doc)) throw importError(`${what} is not a Junction flow: it holds ${Array.isArray(doc) ? 'a list' : typeof doc}, not a flow object`);
  if (doc.format === undefined) throw importError(`${what} is not a Junction flow: format missing (a Junction flow starts with "format": "${FLOW_FORMAT}")`);
  if (doc.format !== FLOW_FORMAT) {
    throw importError(`${what} is not a Junction flow this version can read: format is ${echo(doc.format)}, expected "${FLOW_FORMAT}"`);
  }
  if (!Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) throw importError(`${what} is a damaged Junction flow: it has no list of nodes or edges`);
  return doc;
}

// n8n exports (one workflow, or a list of them) carry nodes typed like `n8n-nodes-base.httpRequest`.
function isN8n(doc: unknown): boolean {
  const workflows = Array.isArray(doc) ? doc : [doc];
  return workflows.some((w) => isObj(w) && Array.isArray(w.nodes) && w.nodes.some((n) => isObj(n) && typeof n.type === 'string'
    && /^(n8n-nodes-|@n8n\/)/.test(n.type)));
}

// Node-RED exports a flat list of nodes, each with `type`, `id`, and `z` (its tab) or `wires`.
function isNodeRed(doc: unknown): boolean {
  return Array.isArray(doc) && doc.length > 0 && doc.every((n) => isObj(n) && typeof n.type === 'string' && typeof n.id === 'string')
    && doc.some((n) => n.type === 'tab' || Array.isArray(n.wires));
}
