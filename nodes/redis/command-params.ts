/** The params of `redis.command`: one operation, and the fields each operation reads. */
import { p } from '../../engine/sdk';

export const OPERATIONS = [
  'get', 'set', 'delete', 'incr', 'hashGet', 'hashSet', 'hashGetAll',
  'listPush', 'listPop', 'listRange', 'streamAdd', 'streamRead', 'publish',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const LABELS: Record<Operation, string> = {
  get: 'Get a value', set: 'Set a value', delete: 'Delete keys', incr: 'Increment a number',
  hashGet: 'Hash: get a field', hashSet: 'Hash: set fields', hashGetAll: 'Hash: get all fields',
  listPush: 'List: push', listPop: 'List: pop', listRange: 'List: read a range',
  streamAdd: 'Stream: add an entry (XADD)', streamRead: 'Stream: read as a consumer group (XREADGROUP)', publish: 'Publish to a channel',
};

const all = (...except: Operation[]) => OPERATIONS.filter((o) => !except.includes(o));

export const commandParams = p.object({
  operation: p.select(OPERATIONS, LABELS).default('get').literal(),
  key: p.string().required().showWhen({ operation: all('publish') })
    .describe('The key (per item, e.g. {{ "user:" + $json.id }}). Delete takes several, separated by commas.'),
  channel: p.string().required().showWhen({ operation: ['publish'] }).describe('The channel to publish to.'),
  field: p.string().showWhen({ operation: ['hashGet', 'hashSet'] })
    .describe('The hash field. For "set fields", leave it empty and give an object as the value to set each of its keys.'),
  value: p.value().showWhen({ operation: ['set', 'hashSet', 'listPush', 'publish'] })
    .describe('What to store or send. Objects and lists are stored as JSON text; a list pushed to a Redis list pushes each entry.'),
  ttlSeconds: p.number().min(0).showWhen({ operation: ['set'] }).describe('Expire the key after this many seconds; empty or 0 keeps it.'),
  condition: p.select(['always', 'ifMissing', 'ifExists'], { always: 'Always', ifMissing: 'Only if the key does not exist (NX)', ifExists: 'Only if the key exists (XX)' })
    .default('always').showWhen({ operation: ['set'] }),
  by: p.number().default(1).showWhen({ operation: ['incr'] }).describe('Added to the number; a fraction uses INCRBYFLOAT.'),
  pushTo: p.select(['right', 'left']).default('right').showWhen({ operation: ['listPush'] }).describe('RPUSH (tail) or LPUSH (head).'),
  popFrom: p.select(['left', 'right']).default('left').showWhen({ operation: ['listPop'] }).describe('LPOP (head) or RPOP (tail).'),
  start: p.number().int().default(0).showWhen({ operation: ['listRange'] }),
  stop: p.number().int().default(-1).showWhen({ operation: ['listRange'] }).describe('Inclusive; -1 is the last entry.'),
  entry: p.value().showWhen({ operation: ['streamAdd'] })
    .describe('The entry\'s fields: an object, e.g. {{ { id: $json.id, total: $json.total } }}; empty takes the whole item. Values that are not text are stored as JSON.'),
  entryId: p.string().default('*').showWhen({ operation: ['streamAdd'] }).describe('"*" lets Redis choose the id.'),
  maxLength: p.number().int().min(1).showWhen({ operation: ['streamAdd'] }).describe('Trim the stream to about this many entries (MAXLEN ~).'),
  group: p.string().required().showWhen({ operation: ['streamRead'] }).describe('The consumer group.'),
  consumer: p.string().default('junction').showWhen({ operation: ['streamRead'] }).describe('This reader\'s name within the group.'),
  createGroup: p.boolean().default(false).showWhen({ operation: ['streamRead'] })
    .describe('Create the group (and the stream) when it does not exist yet.'),
  groupStartsAt: p.select(['beginning', 'end'], { beginning: 'The first entry of the stream', end: 'Entries added from now on' })
    .default('beginning').showWhen({ operation: ['streamRead'] }).describe('Where a group created here starts reading.'),
  count: p.number().int().min(1).max(100_000).default(100).showWhen({ operation: ['streamRead'] }).describe('At most this many entries per read.'),
  blockMs: p.number().int().min(0).max(60_000).default(0).showWhen({ operation: ['streamRead'] })
    .describe('Wait up to this long for entries when there are none; 0 returns at once.'),
  ack: p.boolean().default(true).showWhen({ operation: ['streamRead'] })
    .describe('Acknowledge (XACK) the entries read once this node has finished without error; otherwise they stay pending in the group.'),
  parseJson: p.boolean().default(false).showWhen({ operation: ['get', 'hashGet', 'hashGetAll', 'listPop', 'listRange', 'streamRead'] })
    .describe('Read values that hold JSON text as JSON (text that is not JSON stays text).'),
  into: p.fieldPath().default('value').literal().showWhen({ operation: all('streamRead') })
    .describe('The field of the output item that receives the reply; the rest of the item is kept.'),
});

export type CommandParams = NonNullable<import('../../engine/sdk').Infer<typeof commandParams>>;
