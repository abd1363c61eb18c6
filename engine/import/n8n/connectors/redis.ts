/**
 * Redis → redis.command. PENDING ALIGNMENT with the node's schema; the importer produces
 * { operation: get | set | delete | incr | keys | info | publish | push | pop, key, value,
 *   ttlSeconds, channel, message, list, tail, pattern, propertyName }
 * (only the fields the operation uses). Credential slot "redis", connection kind "redis".
 */
import type { Mapper } from '../context';

const OPS = ['get', 'set', 'delete', 'incr', 'keys', 'info', 'publish', 'push', 'pop'];

export const mapRedis: Mapper = (c) => {
  const p = c.params;
  const op = String(p.operation ?? 'info');
  if (!OPS.includes(op)) c.unsupported(`the Redis operation "${op}" has no Junction equivalent`);
  const v = (key: string, rel = key) => (p[key] === undefined ? {} : { [rel]: c.value(p[key], key) });
  const params: Record<string, unknown> = { operation: op };
  if (op === 'get' || op === 'set' || op === 'delete' || op === 'incr') Object.assign(params, v('key'));
  if (op === 'get') Object.assign(params, { propertyName: String(p.propertyName ?? 'propertyName') });
  if (op === 'set') Object.assign(params, v('value'), p.expire === true ? { ttlSeconds: c.value(p.ttl ?? 60, 'ttl') } : {});
  if (op === 'incr' && p.expire === true) Object.assign(params, { ttlSeconds: c.value(p.ttl ?? 60, 'ttl') });
  if (op === 'keys') Object.assign(params, { pattern: c.value(p.keyPattern ?? '*', 'keyPattern') });
  if (op === 'publish') Object.assign(params, { channel: c.value(p.channel ?? '', 'channel'), message: c.value(p.messageData ?? '', 'messageData') });
  if (op === 'push' || op === 'pop') Object.assign(params, { list: c.value(p.list ?? '', 'list'), tail: p.tail === true }, op === 'push' ? { value: c.value(p.messageData ?? '', 'messageData') } : { propertyName: String(p.propertyName ?? 'propertyName') });
  if (p.keyType !== undefined && p.keyType !== 'automatic') c.note('warning', 'option', 'keyType', `the key type "${String(p.keyType)}" was not carried over; Junction picks it from the value`);
  return { type: 'redis.command', params, credential: { slot: 'redis', kind: () => 'redis' } };
};
