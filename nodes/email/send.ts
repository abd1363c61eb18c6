/**
 * Send Email (`email.send`): one mail per item through an SMTP server, with text, HTML and the
 * item's binary data as attachments. One pooled transport serves the node's whole run (every
 * batch) and closes when the run ends. Each output item says what the server answered:
 * `{ messageId, accepted, rejected, response }`; the input's binary data travels on.
 */
import { defineNode, p, toBuffer, type Item, type NodeContext, type ResolvedCredential } from '../../engine/sdk';
import { smtpProblem, smtpTransport, type SmtpTransport } from './smtp';

const params = p.object({
  from: p.string().required().describe('Sender, e.g. "Reports <reports@example.com>".'),
  to: p.string().required().describe('Recipients, separated by commas (or a list from an expression).'),
  cc: p.string(),
  bcc: p.string(),
  replyTo: p.string(),
  subject: p.string().default(''),
  text: p.string().multiline().describe('The plain-text body.'),
  html: p.string().multiline().describe('The HTML body; mail programs show it instead of the text when they can.'),
  attachments: p.list(p.string()).default([]).describe('Binary fields of the item to attach (e.g. "data"), each with its file name and type.'),
});
const IN_FLIGHT = 6;
type Params = NonNullable<import('../../engine/sdk').Infer<typeof params>>;

/** Text, or a list from an expression, as nodemailer's address list; empty when nothing is given. */
const addresses = (v: unknown): string | string[] | undefined => {
  if (Array.isArray(v)) return v.length ? v.map(String) : undefined;
  return v === undefined || v === null || String(v).trim() === '' ? undefined : String(v);
};

async function transportFor(ctx: NodeContext<Params>, cred: ResolvedCredential): Promise<SmtpTransport> {
  const open = ctx.session.get<SmtpTransport>('smtp');
  if (open) return open;
  const transport = await smtpTransport(cred);
  ctx.session.set('smtp', transport);
  ctx.session.onEnd(() => transport.close());
  return transport;
}

async function attachmentsOf(ctx: NodeContext<Params>, item: Item, index: number, keys: string[]) {
  return Promise.all(keys.map(async (key) => {
    const ref = item.binary?.[key];
    if (!ref) {
      const has = Object.keys(item.binary ?? {});
      ctx.fail(`item ${index}: has no binary data "${key}" to attach (${has.length ? `it has ${has.map((k) => `"${k}"`).join(', ')}` : 'it has none'})`, { code: 'param.invalid', path: 'params.attachments' });
    }
    return { filename: ref.fileName ?? key, contentType: ref.mimeType, content: toBuffer(await ctx.binary.read(ref)) };
  }));
}

export default defineNode({
  type: 'email.send', version: 1,
  title: 'Send Email', category: 'connector', icon: 'mail',
  description: 'Sends one email per item through an SMTP server, with HTML, text and attachments from binary data.',
  inputs: ['main'], outputs: ['main'],
  credentials: [{ slot: 'smtp', types: ['smtp'], label: 'SMTP server' }],
  batching: 'item',
  params,
  async execute(ctx) {
    const cred = await ctx.credential('smtp');
    if (!cred) return ctx.fail('pick an SMTP connection for this node', { code: 'connection.missing' });
    const transport = await transportFor(ctx, cred);
    const each = ctx.items.length === 0 ? [{ item: { json: {} } as Item, index: 0, params: ctx.params }] : [...ctx.each()];
    const send = async ({ item, index, params: q }: (typeof each)[number]): Promise<Item> => {
      const to = addresses(q.to);
      if (!to) ctx.fail(`item ${index}: no recipient: "to" is empty`, { code: 'param.invalid', path: 'params.to' });
      if (!q.text && !q.html && q.attachments.length === 0) ctx.fail(`item ${index}: the mail is empty: give a text, an HTML body or an attachment`, { code: 'param.invalid', path: 'params.text' });
      const mail = {
        from: q.from, to, cc: addresses(q.cc), bcc: addresses(q.bcc), replyTo: addresses(q.replyTo), subject: q.subject,
        text: q.text || undefined, html: q.html || undefined, attachments: await attachmentsOf(ctx, item, index, q.attachments),
      };
      try {
        const info = await transport.sendMail(mail);
        return ctx.newItem({ messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String), response: info.response }, item);
      } catch (e) {
        const problem = smtpProblem(e, cred);
        problem.message = `item ${index}: ${problem.message}`;
        throw problem;
      }
    };
    // A few mails in flight at once keep the pooled connections busy; more would only hold
    // more attachments in memory while they wait for a connection.
    const sent: Item[] = new Array(each.length);
    let next = 0;
    const worker = async () => { while (next < each.length) { const i = next++; sent[i] = await send(each[i]); } };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, each.length) }, worker));
    return { main: sent };
  },
});
