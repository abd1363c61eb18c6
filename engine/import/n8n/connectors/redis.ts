/**
 * n8n Redis → redis.command (nodes/redis/command-params.ts), connection slot "redis" of kind
 * "redis". get / set follow n8n's key type (hash → hashGetAll / hashSet, list → listRange /
 * listPush); push / pop become listPush / listPop; incr, delete and publish carry over. n8n's
 * "keys" and "info" and set types have no Junction operation (placeholder).
 */
import type { Mapper, MapContext } from '../context';

const into = (c: MapContext) => {
  const name = String(c.params.propertyName ?? 'propertyName');
  return name.startsWith('=') ? name.slice(1) : name;
};

function get(c: MapContext, key: unknown): Record<string, unknown> {
  const type = String(c.params.keyType ?? 'automatic');
  if (type === 'automatic') c.note('info', 'option', 'keyType', 'n8n picked the read by the key\'s type; Junction reads a text value (change the operation for a hash or a list)');
  if (type === 'sets') c.unsupported('reading a Redis set has no Junction operation');
  const operation = type === 'hash' ? 'hashGetAll' : type === 'list' ? 'listRange' : 'get';
  return { operation, key, into: into(c) };
}

function set(c: MapContext, key: unknown): Record<string, unknown> {
  const p = c.params;
  const type = String(p.keyType ?? 'automatic');
  if (type === 'sets') c.unsupported('adding to a Redis set has no Junction operation');
  const value = c.value(p.value ?? '', 'value');
  if (type === 'hash') return { operation: 'hashSet', key, value };
  if (type === 'list') return { operation: 'listPush', key, value, pushTo: 'right' };
  if (p.valueIsJSON === true) c.note('info', 'option', 'valueIsJSON', 'Junction stores objects and lists as JSON text');
  return { operation: 'set', key, value, ...(p.expire === true ? { ttlSeconds: c.value(p.ttl ?? 60, 'ttl') } : {}) };
}

export const mapRedis: Mapper = (c) => {
  const p = c.params;
  const op = String(p.operation ?? 'info');
  const key = () => c.value(p.key ?? '', 'key');
  let params: Record<string, unknown>;
  switch (op) {
    case 'get': params = get(c, key()); break;
    case 'set': params = set(c, key()); break;
    case 'delete': params = { operation: 'delete', key: key() }; break;
    case 'incr':
      if (p.expire === true) c.note('warning', 'option', 'ttl', 'the expiry set on increment was not carried over: Junction\'s increment keeps the key');
      params = { operation: 'incr', key: key() };
      break;
    case 'publish': params = { operation: 'publish', channel: c.value(p.channel ?? '', 'channel'), value: c.value(p.messageData ?? '', 'messageData') }; break;
    // n8n pushes to the head unless "tail" is set, and pops from the head likewise.
    case 'push': params = { operation: 'listPush', key: c.value(p.list ?? '', 'list'), value: c.value(p.messageData ?? '', 'messageData'), pushTo: p.tail === true ? 'right' : 'left' }; break;
    case 'pop': params = { operation: 'listPop', key: c.value(p.list ?? '', 'list'), popFrom: p.tail === true ? 'right' : 'left', into: into(c) }; break;
    default: return c.unsupported(`the Redis operation "${op}" has no Junction equivalent`);
  }
  if (p.options && typeof p.options === 'object' && (p.options as Record<string, unknown>).dotNotation === false) {
    c.note('info', 'option', 'options.dotNotation', 'Junction reads a dotted property name as a path');
  }
  return { type: 'redis.command', params, credential: { slot: 'redis', kind: () => 'redis' } };
};
