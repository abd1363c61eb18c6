import type { Method } from '../api';
import { checkParams } from '../sdk/check-params';
import { JunctionError } from '../sdk/errors';
import { p, type FieldSpec } from '../sdk/schema';

/**
 * Input checks per API method, written as schemas and checked by the SDK's one params check.
 * Requests are untrusted on either transport (a page in the browser, a compromised
 * renderer), so each field's type is checked before a handler sees it. Deep flow validation
 * stays with the flow model; this only guarantees the shapes the handlers walk.
 */

/** Large enough for a flow with pinned data; a transport's own frame limit sits above it. */
export const MAX_TEXT_CHARS = 50 * 1024 * 1024;
/** Items one page of the data panel may ask for. */
export const MAX_PAGE_ITEMS = 10_000;

const text = (max = 1000) => p.string().max(max);
const id = text(200).required();
const count = (min: number, max = Number.MAX_SAFE_INTEGER) => p.number().int().min(min).max(max);
const anyObject = p.object({}).open();
const port = p.object({ node: id, port: id });
// Other keys of nodes and flows (params, settings, pinned…) are the flow model's to judge.
const flow = p.object({
  format: text(100), id: text(200), name: text(500),
  nodes: p.list(p.object({ id, type: text(200).required(), name: text(500).required(), version: count(1, 10_000).required() }).open()).max(10_000).required(),
  edges: p.list(p.object({ id: text(200), from: port.required(), to: port.required() }).open()).max(100_000).required(),
  settings: anyObject, pinned: anyObject, notes: p.list(anyObject).max(10_000),
}).open().required();
const none = p.object({});
const runStatuses = ['running', 'success', 'failed', 'cancelled', 'crashed'] as const;

const SCHEMAS: { [M in Method]: FieldSpec } = {
  'workspace.info': none.spec,
  'flows.list': none.spec,
  'flows.get': p.object({ id }).spec,
  'flows.create': p.object({ name: text(500).default('') }).spec,
  'flows.save': p.object({ flow }).spec,
  'flows.rename': p.object({ id, name: text(500).required() }).spec,
  'flows.duplicate': p.object({ id }).spec,
  'flows.delete': p.object({ id }).spec,
  'flows.restore': p.object({ id }).spec,
  'flows.import': p.object({ text: text(MAX_TEXT_CHARS).default(''), fileName: text(500) }).spec,
  'flows.importForeign': p.object({ text: text(MAX_TEXT_CHARS).default(''), fileName: text(500), from: p.select(['n8n', 'node-red']) }).spec,
  'flows.export': p.object({ id, includePinned: p.boolean().required() }).spec,
  'flows.validate': p.object({ flow }).spec,
  'flows.trust': p.object({ id, trusted: p.boolean().required() }).spec,
  'flows.versions': p.object({ id }).spec,
  'flows.version': p.object({ id, versionId: id }).spec,
  'flows.activate': p.object({ id }).spec,
  'flows.deactivate': p.object({ id }).spec,
  'triggers.status': none.spec,
  'triggers.nextFires': p.object({ cron: text(200).required(), timezone: text(100), count: count(1, 50) }).spec,
  'dlq.list': p.object({ limit: count(1, 1000) }).spec,
  'dlq.get': p.object({ id }).spec,
  'dlq.replay': p.object({ id }).spec,
  'dlq.discard': p.object({ id }).spec,
  'nodes.catalog': none.spec,
  'runs.start': p.object({
    flow,
    mode: p.select(['flow', 'from', 'node']).required(),
    nodeId: id.showWhen({ mode: ['from', 'node'] }),
    input: p.list(anyObject).max(1_000_000),
    runId: text(200),
  }).spec,
  'runs.cancel': p.object({ runId: id }).spec,
  'runs.list': p.object({ flowId: text(200), status: p.select(runStatuses), limit: count(0, 1000), offset: count(0) }).spec,
  'runs.get': p.object({ runId: id }).spec,
  'runs.items': p.object({
    runId: id, nodeId: id, direction: p.select(['input', 'output']).required(), port: id,
    offset: count(0).required(), limit: count(1, MAX_PAGE_ITEMS).required(), iteration: count(0),
  }).spec,
  'connections.types': none.spec,
  'connections.list': none.spec,
  'connections.get': p.object({ id }).spec,
  // Field values and secrets are checked against the connection's kind by the service.
  'connections.save': p.object({ id: text(200), name: text(500).default(''), type: text(100).required(), fields: anyObject.default({}), secrets: anyObject }).spec,
  'connections.delete': p.object({ id }).spec,
  'connections.test': p.object({ id }).spec,
  'connections.signIn': p.object({ id }).spec,
  'connections.map': p.object({ flowId: id, mapping: anyObject.required() }).spec,
  'connections.store': none.spec,
  'connections.useStore': p.object({ kind: p.select(['keychain', 'file']).required(), passphrase: text(1000) }).spec,
  'db.schema': p.object({ nodeType: id, connectionId: text(200), path: text(4096), schema: text(200) }).spec,
  'expr.paths': p.object({ flow, nodeId: id }).spec,
  'expr.preview': p.object({ flow, nodeId: id, expression: text(100_000).default('') }).spec,
  'files.preview': p.object({ nodeType: text(200), params: anyObject.required() }).spec,
};

/** Whether `method` names an API method (own keys only: `__proto__` or `toString` are not methods). */
export const isMethod = (method: unknown): method is Method => typeof method === 'string' && Object.hasOwn(SCHEMAS, method);

/**
 * Checks a request's input and returns it with defaults filled (empty text where a method
 * takes it); methods without input also accept a missing one. Throws JunctionError
 * 'api.bad-input' naming the first field at fault.
 */
export function validateInput(method: Method, input: unknown): unknown {
  const { value, problems: [first] } = checkParams(SCHEMAS[method], input ?? {}, '', { plain: true, unknownKey: 'is not a field of this request' });
  if (first) bad(first.path.replace(/^\./, ''), first.message);
  const runId = (value as { runId?: unknown }).runId;
  if (method === 'runs.start' && typeof runId === 'string' && !RUN_ID.test(runId)) bad('runId', 'must be 8 to 100 letters, digits, "-" or "_" (a UUID fits)');
  return value;
}

/** A run id a client chooses ends up in file names, URLs and log lines: only plain characters. */
const RUN_ID = /^[A-Za-z0-9_-]{8,100}$/;

function bad(path: string, message: string): never {
  const at = path || 'input';
  throw new JunctionError('api.bad-input', `${at}: ${message}`, { path: at });
}
