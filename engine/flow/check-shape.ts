import type { Problem } from '../sdk/schema';
import { clip, echo } from './limits';
import { FLOW_FORMAT } from './types';

/**
 * The structural schema of `junction/flow@1`, checked by hand so that every problem of a
 * file is reported at once with its JSON path (a schema library would stop at the first
 * or report paths in its own dialect).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkShape(doc: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string, code = 'flow.schema') => problems.push({ path, message, code });
  const str = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || (v === '' && !optional)) add(`${path}.${key}`, v === undefined ? 'is missing' : 'must be non-empty text');
  };
  const num = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) add(`${path}.${key}`, v === undefined ? 'is missing' : 'must be a number');
  };
  const position = (v: unknown, path: string) => {
    if (!isObj(v)) return add(path, 'must be an object { x, y }');
    num(v, 'x', path); num(v, 'y', path);
  };

  if (!isObj(doc)) { add('$', 'a flow file must be a JSON object'); return problems; }
  if (doc.format !== FLOW_FORMAT) {
    add('$.format', doc.format === undefined ? `is missing; a Junction flow starts with "format": "${FLOW_FORMAT}"` : `must be "${FLOW_FORMAT}", not ${echo(doc.format)}`, 'flow.format');
  }
  str(doc, 'id', '$'); str(doc, 'name', '$'); str(doc, 'description', '$', true);

  if (!Array.isArray(doc.nodes)) add('$.nodes', 'must be a list of nodes');
  else doc.nodes.forEach((n, i) => {
    const path = `$.nodes[${i}]`;
    if (!isObj(n)) return add(path, 'must be an object');
    str(n, 'id', path); str(n, 'type', path); str(n, 'name', path);
    if (!Number.isInteger(n.version) || (n.version as number) < 1) add(`${path}.version`, 'must be a whole number ≥ 1');
    position(n.position, `${path}.position`);
    if (n.params !== undefined && !isObj(n.params)) add(`${path}.params`, 'must be an object');
    if (n.credentials !== undefined) {
      if (!isObj(n.credentials)) add(`${path}.credentials`, 'must be an object of slots');
      else for (const [slot, ref] of Object.entries(n.credentials)) {
        if (!isObj(ref)) { add(`${path}.credentials.${slot}`, 'must be { id, type, name }'); continue; }
        str(ref, 'id', `${path}.credentials.${slot}`); str(ref, 'type', `${path}.credentials.${slot}`); str(ref, 'name', `${path}.credentials.${slot}`);
        const extra = Object.keys(ref).filter((k) => !['id', 'type', 'name'].includes(k));
        if (extra.length) add(`${path}.credentials.${slot}`, `holds ${clip(extra.join(', '))}: a flow refers to a connection by id, type and name only, never its secrets`, 'flow.secret');
      }
    }
    if (n.settings !== undefined) checkSettings(n.settings, `${path}.settings`, add);
  });

  if (!Array.isArray(doc.edges)) add('$.edges', 'must be a list of edges');
  else doc.edges.forEach((e, i) => {
    const path = `$.edges[${i}]`;
    if (!isObj(e)) return add(path, 'must be an object');
    str(e, 'id', path);
    for (const end of ['from', 'to'] as const) {
      const ref = e[end];
      if (!isObj(ref)) { add(`${path}.${end}`, 'must be { node, port }'); continue; }
      str(ref, 'node', `${path}.${end}`); str(ref, 'port', `${path}.${end}`);
    }
  });

  if (doc.settings !== undefined && !isObj(doc.settings)) add('$.settings', 'must be an object');
  else if (isObj(doc.settings)) {
    const s = doc.settings;
    if (s.errorFlow !== undefined && s.errorFlow !== null && typeof s.errorFlow !== 'string') add('$.settings.errorFlow', 'must be a flow id or null');
    if (s.timezone !== undefined && typeof s.timezone !== 'string') add('$.settings.timezone', 'must be an IANA zone like "Europe/Berlin"');
    if (s.timeoutMs !== undefined && !(typeof s.timeoutMs === 'number' && s.timeoutMs > 0)) add('$.settings.timeoutMs', 'must be a positive number of milliseconds');
    if (s.concurrency !== undefined && !['queue', 'skip', 'parallel'].includes(s.concurrency as string)) add('$.settings.concurrency', 'must be "queue", "skip" or "parallel"');
  }
  if (doc.pinned !== undefined) {
    if (!isObj(doc.pinned)) add('$.pinned', 'must be an object of node id to items');
    else for (const [id, items] of Object.entries(doc.pinned)) {
      if (!Array.isArray(items) || !items.every(isObj)) add(`$.pinned.${id}`, 'must be a list of objects');
    }
  }
  if (doc.notes !== undefined) {
    if (!Array.isArray(doc.notes)) add('$.notes', 'must be a list of sticky notes');
    else doc.notes.forEach((n, i) => {
      if (!isObj(n)) return add(`$.notes[${i}]`, 'must be an object');
      str(n, 'id', `$.notes[${i}]`);
      if (typeof n.text !== 'string') add(`$.notes[${i}].text`, 'must be text');
      position(n.position, `$.notes[${i}].position`);
    });
  }
  return problems;
}

function checkSettings(v: unknown, path: string, add: (path: string, message: string) => void) {
  if (!isObj(v)) return add(path, 'must be an object');
  if (v.onError !== undefined && !['stop', 'continue', 'errorPort'].includes(v.onError as string)) add(`${path}.onError`, 'must be "stop", "continue" or "errorPort"');
  if (v.disabled !== undefined && typeof v.disabled !== 'boolean') add(`${path}.disabled`, 'must be true or false');
  if (v.timeoutMs !== undefined && !(typeof v.timeoutMs === 'number' && v.timeoutMs > 0)) add(`${path}.timeoutMs`, 'must be a positive number of milliseconds');
  if (v.notes !== undefined && typeof v.notes !== 'string') add(`${path}.notes`, 'must be text');
  if (v.retry !== undefined) {
    const r = v.retry;
    if (!isObj(r)) return add(`${path}.retry`, 'must be an object');
    if (!Number.isInteger(r.attempts) || (r.attempts as number) < 1 || (r.attempts as number) > 20) add(`${path}.retry.attempts`, 'must be a whole number from 1 to 20');
    if (r.backoff !== undefined && r.backoff !== 'fixed' && r.backoff !== 'exponential') add(`${path}.retry.backoff`, 'must be "fixed" or "exponential"');
    for (const k of ['delayMs', 'maxDelayMs']) if (r[k] !== undefined && !(typeof r[k] === 'number' && (r[k] as number) >= 0)) add(`${path}.retry.${k}`, 'must be a number of milliseconds ≥ 0');
    if (r.on !== undefined && !(Array.isArray(r.on) && r.on.every((x) => typeof x === 'string' || typeof x === 'number'))) add(`${path}.retry.on`, 'must be a list of error codes or HTTP statuses');
  }
}
