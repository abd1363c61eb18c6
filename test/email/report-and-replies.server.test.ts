import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processBinaryStore } from '../../engine/exec/binary-store';
import { runNode } from '../../engine/sdk/testing';
import read from '../../nodes/email/read';
import send from '../../nodes/email/send';
import { describeWithServer } from '../servers/use-server';
import { compose } from './compose';
import { freshMailbox, imapClient, imapCredential, smtpCredential, startSmtp } from './mail-servers';

/**
 * The story: send a report by email, then read the replies. smtp-server receives what
 * email.send sends but cannot deliver it into Dovecot (there is no mail transfer agent between
 * them here), so the test stands in for delivery: it appends the raw message smtp-server
 * received, byte for byte, to the recipient's Dovecot mailbox with imapflow, and appends the
 * recipient's reply the same way. email.read then reads both from Dovecot.
 */
describeWithServer('dovecot', 'sending a report by email and reading the replies', (info) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let imap: ImapFlow;
  beforeAll(async () => { smtp = await startSmtp(); imap = await imapClient(info); });
  afterAll(async () => { await smtp.close(); await imap.logout(); });

  it('sends the report with its file, and the reply comes back threaded to it', async () => {
    const inbox = await freshMailbox(imap, 'Inbox');
    const watch = await runNode(read, { params: { mailbox: inbox }, credentials: { imap: imapCredential(info) } });
    expect(watch.outputs.main).toEqual([]);

    const sheet = Buffer.from('month;revenue\n2026-11;48200\n', 'utf8');
    const file = await processBinaryStore().put(sheet, { mimeType: 'text/csv', fileName: 'november.csv' });
    const sent = await runNode(send, {
      params: { from: 'reports@example.test', to: 'alice@example.test', subject: 'November report', text: 'Figures attached. Reply with questions.', attachments: ['data'] },
      items: [{ json: { month: '2026-11' }, binary: { data: file } }],
      credentials: { smtp: smtpCredential(smtp.port) },
    });
    const messageId = String(sent.outputs.main[0].json.messageId);

    await imap.append(inbox, smtp.received.at(-1)!.raw); // stands in for delivery to alice
    await imap.append(inbox, await compose({
      from: 'Alice <alice@example.test>', to: 'reports@example.test', subject: 'Re: November report',
      text: 'Why is revenue up?', inReplyTo: messageId, references: [messageId],
    }));

    const polled = await runNode(read, { params: { mailbox: inbox }, state: watch.state, credentials: { imap: imapCredential(info) } });
    const [report, reply] = polled.outputs.main;
    expect(report.json).toMatchObject({ messageId, subject: 'November report', text: 'Figures attached. Reply with questions.' });
    expect(Buffer.from(await processBinaryStore().read(report.binary!.attachment_0)).equals(sheet)).toBe(true);
    expect(report.binary!.attachment_0).toMatchObject({ fileName: 'november.csv', mimeType: 'text/csv' });
    expect(reply.json).toMatchObject({
      subject: 'Re: November report', from: { name: 'Alice', address: 'alice@example.test' },
      inReplyTo: messageId, references: [messageId],
    });
    expect(String(reply.json.text).trimEnd()).toBe('Why is revenue up?'); // a single-part body keeps its final line break
    const replies = polled.outputs.main.filter((m) => m.json.inReplyTo === messageId);
    expect(replies).toHaveLength(1);
  });
});
