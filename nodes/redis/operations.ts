/**
 * Each operation of `redis.command` (but the stream read, see stream-read.ts) as the Redis
 * command one item sends, and what its reply becomes in the output item. The node sends the
 * commands of a whole batch in one pipeline.
 */
import type { CommandParams, Operation } from './command-params';

export type Args = (string | number)[];
/** One item's command: its name and arguments, and how to read its reply. */
export interface Planned { command: string; args: Args; reply: (r: unknown) => unknown }

/** Thrown for an item whose params cannot make a command; the node adds the item's number. */
export class PlanProblem extends Error {
  constructor(message: string, readonly path: string) { super(message); }
}

/** Redis stores text: numbers and booleans as written, objects and lists as JSON. */
export function toText(v: unknown, what: string, path: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined || v === null) throw new PlanProblem(`the ${what} is empty`, path);
  return JSON.stringify(v);
}

const parseText = (s: unknown) => {
  if (typeof s !== 'string') return s;
  try { return JSON.parse(s) as unknown; } catch { return s; }
};

/** Object fields as XADD / HSET arguments: field, value, field, value, … */
function flatten(v: unknown, what: string, path: string): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PlanProblem(`the ${what} must be an object of fields, not ${Array.isArray(v) ? 'a list' : JSON.stringify(v) ?? 'empty'}`, path);
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) out.push(k, toText(x, `field "${k}"`, path));
  if (out.length === 0) throw new PlanProblem(`the ${what} has no fields`, path);
  return out;
}

/** HGETALL answers a flat list over RESP2 (and an object once ioredis has transformed it). */
const hashOf = (r: unknown): Record<string, unknown> => {
  if (!Array.isArray(r)) return (r ?? {}) as Record<string, unknown>;
  const o: Record<string, unknown> = {};
  for (let i = 0; i + 1 < r.length; i += 2) o[String(r[i])] = r[i + 1];
  return o;
};

const same = (r: unknown) => r;

/** `json` is the item's own data: a stream entry left empty takes it whole. */
export function plan(op: Exclude<Operation, 'streamRead'>, q: CommandParams, json: Record<string, unknown>): Planned {
  const key = q.key ?? '';
  if (op !== 'publish' && key === '') throw new PlanProblem('the key is empty', 'params.key');
  const parse = q.parseJson ? parseText : same;
  switch (op) {
    case 'get': return { command: 'GET', args: [key], reply: parse };
    case 'set': {
      const args: Args = [key, toText(q.value, 'value', 'params.value')];
      const ttl = q.ttlSeconds ?? 0;
      if (ttl > 0) args.push(...(Number.isInteger(ttl) ? ['EX', ttl] : ['PX', Math.round(ttl * 1000)]));
      if (q.condition === 'ifMissing') args.push('NX');
      if (q.condition === 'ifExists') args.push('XX');
      return { command: 'SET', args, reply: (r) => r === 'OK' }; // NX / XX answer nil when they did not set
    }
    case 'delete': {
      const keys = key.split(',').map((k) => k.trim()).filter(Boolean);
      return { command: 'DEL', args: keys, reply: same };
    }
    case 'incr':
      return Number.isInteger(q.by)
        ? { command: 'INCRBY', args: [key, q.by], reply: same }
        : { command: 'INCRBYFLOAT', args: [key, q.by], reply: (r) => Number(r) };
    case 'hashGet':
      if (!q.field) throw new PlanProblem('name the hash field to read', 'params.field');
      return { command: 'HGET', args: [key, q.field], reply: parse };
    case 'hashSet': {
      const pairs = q.field ? [q.field, toText(q.value, 'value', 'params.value')] : flatten(q.value, 'value', 'params.value');
      return { command: 'HSET', args: [key, ...pairs], reply: same };
    }
    case 'hashGetAll':
      return {
        command: 'HGETALL', args: [key],
        reply: (r) => { const h = hashOf(r); if (q.parseJson) for (const k of Object.keys(h)) h[k] = parseText(h[k]); return h; },
      };
    case 'listPush': {
      const values = Array.isArray(q.value) ? q.value.map((v, i) => toText(v, `value's entry ${i}`, 'params.value')) : [toText(q.value, 'value', 'params.value')];
      if (values.length === 0) throw new PlanProblem('the list of values to push is empty', 'params.value');
      return { command: q.pushTo === 'left' ? 'LPUSH' : 'RPUSH', args: [key, ...values], reply: same };
    }
    case 'listPop': return { command: q.popFrom === 'right' ? 'RPOP' : 'LPOP', args: [key], reply: parse };
    case 'listRange':
      return { command: 'LRANGE', args: [key, q.start, q.stop], reply: (r) => (q.parseJson && Array.isArray(r) ? r.map(parseText) : r) };
    case 'streamAdd': {
      const trim: Args = q.maxLength ? ['MAXLEN', '~', q.maxLength] : [];
      return { command: 'XADD', args: [key, ...trim, q.entryId || '*', ...flatten(q.entry === undefined || q.entry === '' ? json : q.entry, 'entry', 'params.entry')], reply: same };
    }
    case 'publish':
      if (!q.channel) throw new PlanProblem('the channel is empty', 'params.channel');
      return { command: 'PUBLISH', args: [q.channel, toText(q.value, 'message', 'params.value')], reply: same };
  }
}

export { parseText };
