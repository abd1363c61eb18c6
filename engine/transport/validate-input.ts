import type { Method } from '../api';
import { JunctionError } from '../sdk/errors';

/**
 * Input checks per API method. Requests are untrusted on either transport (a page in the
 * browser, a compromised renderer), so each field's type is checked before a handler sees
 * it. Deep flow validation stays with the flow model; this only guarantees the shapes the
 * handlers walk (nodes and edges) are there.
 */
type Check = (value: unknown, path: string) => void;

const bad = (path: string, message: string): never => {
  const at = path || 'input';
  throw new JunctionError('api.bad-input', `${at}: ${message}`, { path: at });
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (opts: { max?: number; allowEmpty?: boolean } = {}): Check => (v, path) => {
  const max = opts.max ?? 1000;
  if (typeof v !== 'string') bad(path, 'must be text');
  else if (!v && !opts.allowEmpty) bad(path, 'must not be empty');
  else if (v.length > max) bad(path, `is longer than ${max.toLocaleString('en-US')} characters`);
};
const int = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (v, path) => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) bad(path, `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`);
};
const bool: Check = (v, path) => { if (typeof v !== 'boolean') bad(path, 'must be true or false'); };
const oneOf = (options: readonly string[]): Check => (v, path) => {
  if (typeof v !== 'string' || !options.includes(v)) bad(path, `must be one of ${options.map((o) => `"${o}"`).join(', ')}`);
};
const list = (item: Check, max: number): Check => (v, path) => {
  if (!Array.isArray(v)) return bad(path, 'must be a list');
  if (v.length > max) bad(path, `holds more than ${max.toLocaleString('en-US')} entries`);
  v.forEach((x, i) => item(x, `${path}[${i}]`));
};
const anyObject: Check = (v, path) => { if (!isObj(v)) bad(path, 'must be an object'); };

interface Fields { [key: string]: Check | { optional: Check } }
const optional = (check: Check) => ({ optional: check });

/** An object with exactly these fields: an unknown field is a client bug worth naming. */
const obj = (fields: Fields, open = false): Check => (v, path) => {
  if (!isObj(v)) return bad(path, 'must be an object');
  for (const [key, spec] of Object.entries(fields)) {
    const value = v[key];
    const at = path ? `${path}.${key}` : key;
    if ('optional' in spec) { if (value !== undefined) spec.optional(value, at); } else if (value === undefined) bad(at, 'is missing');
    else spec(value, at);
  }
  if (!open) for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) bad(path ? `${path}.${key}` : key, 'is not a field of this request');
};

const id = str({ max: 200 });
const port = obj({ node: id, port: id });
// Other keys of nodes and flows (params, settings, pinned…) are the flow model's to judge.
const flow = obj({
  format: optional(str({ max: 100 })), id: str({ max: 200, allowEmpty: true }), name: str({ max: 500, allowEmpty: true }),
  nodes: list(obj({ id, type: str({ max: 200 }), name: str({ max: 500 }), version: int(1, 10_000) }, true), 10_000),
  edges: list(obj({ id: optional(id), from: port, to: port }, true), 100_000),
  settings: optional(anyObject), pinned: optional(anyObject), notes: optional(list(anyObject, 10_000)),
}, true);
const none = obj({});
const runStatuses = ['running', 'success', 'failed', 'cancelled', 'crashed'] as const;

/** Large enough for a flow with pinned data; a transport's own frame limit sits above it. */
export const MAX_TEXT_CHARS = 50 * 1024 * 1024;
/** Items one page of the data panel may ask for. */
export const MAX_PAGE_ITEMS = 10_000;

const CHECKS: { [M in Method]: Check } = {
  'workspace.info': none,
  'flows.list': none,
  'flows.get': obj({ id }),
  'flows.create': obj({ name: str({ max: 500, allowEmpty: true }) }),
  'flows.save': obj({ flow }),
  'flows.rename': obj({ id, name: str({ max: 500 }) }),
  'flows.duplicate': obj({ id }),
  'flows.delete': obj({ id }),
  'flows.restore': obj({ id }),
  'flows.import': obj({ text: str({ max: MAX_TEXT_CHARS, allowEmpty: true }), fileName: optional(str({ max: 500 })) }),
  'flows.export': obj({ id, includePinned: bool }),
  'flows.validate': obj({ flow }),
  'flows.versions': obj({ id }),
  'flows.version': obj({ id, versionId: id }),
  'nodes.catalog': none,
  'runs.start': (v, path) => {
    obj({ flow, mode: oneOf(['flow', 'from', 'node']), nodeId: optional(id), input: optional(list(anyObject, 1_000_000)) })(v, path);
    const { mode, nodeId } = v as { mode: string; nodeId?: string };
    if (mode !== 'flow' && nodeId === undefined) bad('nodeId', `is needed when mode is "${mode}"`);
  },
  'runs.cancel': obj({ runId: id }),
  'runs.list': obj({ flowId: optional(id), status: optional(oneOf(runStatuses)), limit: optional(int(0, 1000)), offset: optional(int(0)) }),
  'runs.get': obj({ runId: id }),
  'runs.items': obj({
    runId: id, nodeId: id, direction: oneOf(['input', 'output']), port: id,
    offset: int(0), limit: int(1, MAX_PAGE_ITEMS), iteration: optional(int(0)),
  }),
  'expr.paths': obj({ flow, nodeId: id }),
  'expr.preview': obj({ flow, nodeId: id, expression: str({ max: 100_000, allowEmpty: true }) }),
};

/** Whether `method` names an API method (own keys only: `__proto__` or `toString` are not methods). */
export const isMethod = (method: unknown): method is Method => typeof method === 'string' && Object.hasOwn(CHECKS, method);

/**
 * Checks a request's input and returns it; methods without input also accept a missing one.
 * Throws JunctionError 'api.bad-input' naming the first field at fault.
 */
export function validateInput(method: Method, input: unknown): unknown {
  const value = input === undefined || input === null ? {} : input;
  CHECKS[method](value, '');
  return value;
}
