import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processBinaryStore } from '../../engine/exec/binary-store';
import type { Item } from '../../engine/sdk';
import { runNode, staticCredential } from '../../engine/sdk/testing';
import send from '../../nodes/email/send';
import { describeWithServer } from '../servers/use-server';
import { freshMailbox, imapClient, smtpCredential, SMTP_PASSWORD, SMTP_USER, startSmtp } from './mail-servers';

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))]);
const csv = Buffer.from('region;total\nNord;1200\nSüd;980\n', 'utf8');

/** An item carrying two files as binary data, the way a file or HTTP node hands them on. */
async function reportItem(json: Record<string, unknown>): Promise<Item> {
  const store = processBinaryStore();
  return {
    json,
    binary: {
      report: await store.put(pdf, { mimeType: 'application/pdf', fileName: 'report.pdf' }),
      table: await store.put(csv, { mimeType: 'text/csv', fileName: 'totals.csv' }),
    },
  };
}

// smtp-server hands over the raw message; Dovecot parses it (BODYSTRUCTURE), so the parts are
// checked by a real MIME parser other than the code under test.
describeWithServer('dovecot', 'email.send through an SMTP server (smtp-server, with AUTH)', (info) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let imap: ImapFlow;
  const credentials = () => ({ smtp: smtpCredential(smtp.port) });
  const params = {
    from: 'Reports <reports@example.test>', to: '{{ $json.email }}', cc: 'boss@example.test', bcc: 'archive@example.test',
    subject: '{{ "Monthly report for " + $json.name }}', text: '{{ "Hello " + $json.name + ", the report is attached." }}',
    html: '{{ "<p>Hello <b>" + $json.name + "</b>, the report is attached.</p>" }}', attachments: ['report', 'table'],
  };

  beforeAll(async () => { smtp = await startSmtp(); imap = await imapClient(info); });
  afterAll(async () => { await smtp.close(); await imap.logout(); });

  it('sends text, HTML and two attachments, and says what the server accepted', async () => {
    const out = await runNode(send, { params, items: [await reportItem({ name: 'Ada', email: 'ada@example.test' })], credentials: credentials() });
    const [result] = out.outputs.main;
    expect(result.json).toMatchObject({ accepted: ['ada@example.test', 'boss@example.test', 'archive@example.test'], rejected: [] });
    expect(String(result.json.messageId)).toMatch(/^<.+@.+>$/);
    expect(Object.keys(result.binary ?? {})).toEqual(['report', 'table']);

    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('reports@example.test');
    expect(mail.to).toEqual(['ada@example.test', 'boss@example.test', 'archive@example.test']);
    expect(mail.raw.toString()).not.toMatch(/^Bcc:/im);

    const box = await freshMailbox(imap, 'Received');
    await imap.append(box, mail.raw);
    const lock = await imap.getMailboxLock(box);
    try {
      const msg = await imap.fetchOne('*', { envelope: true, bodyStructure: true });
      if (!msg) throw new Error('Dovecot did not store the message');
      expect(msg.envelope?.subject).toBe('Monthly report for Ada');
      expect(msg.envelope?.messageId).toBe(result.json.messageId);
      const root = msg.bodyStructure!;
      expect(root.type).toBe('multipart/mixed');
      const [body, file1, file2] = root.childNodes!;
      expect(body.type).toBe('multipart/alternative');
      expect(body.childNodes!.map((n) => n.type)).toEqual(['text/plain', 'text/html']);
      expect([file1, file2].map((n) => [n.type, n.disposition, n.dispositionParameters?.filename])).toEqual([
        ['application/pdf', 'attachment', 'report.pdf'], ['text/csv', 'attachment', 'totals.csv'],
      ]);
      const parts = await imap.downloadMany('*', ['1.1', '1.2', '2', '3']);
      expect(parts['1.1'].content?.toString()).toBe('Hello Ada, the report is attached.');
      expect(parts['1.2'].content?.toString()).toBe('<p>Hello <b>Ada</b>, the report is attached.</p>');
      expect(parts['2'].content?.equals(pdf)).toBe(true);
      expect(parts['3'].content?.equals(csv)).toBe(true);
    } finally {
      lock.release();
    }
  });

  it('sends one mail per item over a few pooled connections, not one connection per mail', async () => {
    const before = smtp.stats.connections, sentBefore = smtp.received.length;
    const items = Array.from({ length: 12 }, (_, i) => ({ name: `N${i}`, email: `n${i}@example.test` }));
    const out = await runNode(send, { params: { from: 'r@example.test', to: '{{ $json.email }}', subject: '{{ $json.name }}', text: 'x' }, items, credentials: credentials() });
    expect(out.outputs.main.map((i) => i.json.accepted)).toEqual(items.map((i) => [i.email]));
    expect(smtp.received.length - sentBefore).toBe(12);
    expect(smtp.stats.connections - before).toBeLessThanOrEqual(3);
  });

  it('names the server when it refuses the password, and never shows the password', async () => {
    const wrong = runNode(send, { params, items: [await reportItem({ name: 'Ada', email: 'ada@example.test' })], credentials: { smtp: smtpCredential(smtp.port, 'wrong-secret-1') } });
    await expect(wrong).rejects.toThrow(`item 0: The SMTP server 127.0.0.1:${smtp.port} refused the sign-in for "reports": 535`);
    await expect(wrong).rejects.not.toThrow(/wrong-secret-1|smtp-secret/);
    await expect(runNode(send, { params: { from: 'a@example.test', to: 'b@example.test', text: 'x' }, items: [{}], credentials: { smtp: smtpCredential(1, SMTP_PASSWORD) } }))
      .rejects.toThrow('Could not reach the SMTP server 127.0.0.1:1');
  });

  it('says how to fix the security setting when the server and the connection disagree on TLS', async () => {
    const as = (security: string) => ({ smtp: staticCredential('smtp', { host: '127.0.0.1', port: smtp.port, security, user: SMTP_USER }, { password: SMTP_PASSWORD }) });
    const mail = { from: 'a@example.test', to: 'b@example.test', text: 'x' };
    await expect(runNode(send, { params: mail, items: [{}], credentials: as('starttls') }))
      .rejects.toThrow(`item 0: The SMTP server 127.0.0.1:${smtp.port} does not offer STARTTLS`);
    await expect(runNode(send, { params: mail, items: [{}], credentials: as('tls') }))
      .rejects.toThrow(`item 0: The SMTP server 127.0.0.1:${smtp.port} did not answer in TLS. Set the connection's security to "starttls"`);
  });

  it('says which item lacks a file to attach or a recipient', async () => {
    await expect(runNode(send, { params, items: [await reportItem({ name: 'A', email: 'a@example.test' }), { name: 'B', email: 'b@example.test' }], credentials: credentials() }))
      .rejects.toThrow('item 1: has no binary data "report" to attach (it has none)');
    await expect(runNode(send, { params: { ...params, attachments: [] }, items: [{ name: 'C', email: '' }], credentials: credentials() }))
      .rejects.toThrow('item 0: no recipient: "to" is empty');
  });
});
