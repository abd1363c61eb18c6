/**
 * Read Email (`email.read`): a polling trigger on an IMAP mailbox. Each poll reads the messages
 * that arrived since the last one, by UID (the cursor, kept in the node's state with the
 * mailbox's UIDVALIDITY; see cursor.ts for a renumbered mailbox), one item per message:
 * `{ uid, messageId, from, to, cc, replyTo, subject, date, text, html, inReplyTo, references,
 * attachments }`, with each attachment as binary data `attachment_0`, `attachment_1`, …
 * Only the parts needed are downloaded, in one request per message.
 */
import { defineNode, p, type Item, type NodeContext, type ResolvedCredential } from '../../engine/sdk';
import { newMessages, type Cursor } from './cursor';
import { imapServerOf, openImap, type ImapClient } from './imap';
import { decodeText, fileNameOf, headerFields, partOf, planParts } from './message';

const params = p.object({
  mailbox: p.string().default('INBOX').literal().describe('The mailbox (folder) to watch.'),
  firstPoll: p.select(['onlyNew', 'all'], { onlyNew: 'Only messages that arrive from now on', all: 'The messages already in the mailbox too' })
    .default('onlyNew').literal().describe('What the first poll reads.'),
  markSeen: p.boolean().default(false).literal().describe('Mark the messages read as seen (\\Seen) on the server.'),
  attachments: p.boolean().default(true).literal().describe('Download attachments as binary data.'),
  maxPerPoll: p.number().int().min(1).max(10_000).default(100).literal().describe('At most this many messages per poll; the rest come with the next.'),
  intervalSeconds: p.number().int().min(10).default(60).literal().describe('How often to look for new mail.'),
});
type Params = NonNullable<import('../../engine/sdk').Infer<typeof params>>;
type Fetched = Awaited<ReturnType<ImapClient['fetchAll']>>[number];

async function toItem(ctx: NodeContext<Params>, client: ImapClient, msg: Fetched): Promise<Item> {
  const plan = planParts(msg.bodyStructure);
  const files = ctx.params.attachments ? plan.attachments : [];
  const wanted = [plan.text, plan.html, ...files].filter((n) => n !== undefined).map(partOf);
  const parts = wanted.length ? await client.downloadMany(String(msg.uid), wanted, { uid: true }) : {};
  const textOf = (node: typeof plan.text) => (node ? decodeText(parts[partOf(node)]?.content, node.parameters?.charset) : '');
  const json = headerFields(msg);
  json.text = textOf(plan.text);
  json.html = plan.html ? textOf(plan.html) : null;
  const binary: Record<string, import('../../engine/sdk').BinaryRef> = {};
  const listed: Record<string, unknown>[] = [];
  for (const [i, node] of files.entries()) {
    const got = parts[partOf(node)];
    const fileName = got?.meta?.filename || fileNameOf(node, i);
    const ref = await ctx.binary.put(got?.content ?? new Uint8Array(), { mimeType: node.type.toLowerCase(), fileName });
    binary[`attachment_${i}`] = ref;
    listed.push({ key: `attachment_${i}`, fileName, mimeType: ref.mimeType, size: ref.size, ...(node.id ? { contentId: node.id } : {}) });
  }
  json.attachments = listed;
  return listed.length ? { json, binary } : { json };
}

async function poll(ctx: NodeContext<Params>, cred: ResolvedCredential): Promise<Item[]> {
  const { mailbox, firstPoll, maxPerPoll, markSeen } = ctx.params;
  const client = await openImap(cred);
  try {
    let lock;
    try { lock = await client.getMailboxLock(mailbox); } catch (e) {
      return ctx.fail(`The IMAP server ${imapServerOf(cred)} could not open mailbox "${mailbox}": ${(e as { responseText?: string }).responseText ?? (e as Error).message}`, { code: 'imap.mailbox', path: 'params.mailbox' });
    }
    try {
      const box = client.mailbox as { path: string; uidValidity: bigint; uidNext: number };
      const found = await newMessages(client, box, ctx.state.get<Cursor>('cursor'), { firstPoll, max: maxPerPoll });
      for (const note of found.notes) {
        if (note.includes('renumbered')) ctx.log.warn(note); else ctx.log.info(note);
      }
      const messages = found.uids.length
        ? await client.fetchAll(found.uids.join(','), { uid: true, envelope: true, bodyStructure: true, internalDate: true, headers: ['references'] }, { uid: true })
        : [];
      messages.sort((a, b) => a.uid - b.uid);
      const items: Item[] = [];
      for (const msg of messages) items.push(await toItem(ctx, client, msg));
      if (markSeen && found.uids.length) await client.messageFlagsAdd(found.uids.join(','), ['\\Seen'], { uid: true });
      const arrivals = messages.map((m) => (m.internalDate ? new Date(m.internalDate).getTime() : 0));
      const newest = Math.max(0, ...arrivals, found.cursor.lastArrival ? Date.parse(found.cursor.lastArrival) : 0);
      ctx.state.set('cursor', { ...found.cursor, ...(newest ? { lastArrival: new Date(newest).toISOString() } : {}) });
      return items;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export default defineNode({
  type: 'email.read', version: 1,
  title: 'Read Email (IMAP)', category: 'trigger', icon: 'inbox',
  description: 'Starts a run with the messages that arrived in an IMAP mailbox since the last poll, attachments as binary data.',
  inputs: [], outputs: ['main'],
  isTrigger: true,
  credentials: [{ slot: 'imap', types: ['imap'], label: 'IMAP server' }],
  poll: { intervalSeconds: (q) => q.intervalSeconds },
  params,
  async execute(ctx) {
    const cred = await ctx.credential('imap');
    if (!cred) return ctx.fail('pick an IMAP connection for this node', { code: 'connection.missing' });
    return { main: await poll(ctx, cred) };
  },
});
