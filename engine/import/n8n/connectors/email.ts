/**
 * Send Email → email.send and Email Trigger (IMAP) → email.read. PENDING ALIGNMENT with the
 * nodes' schemas; the importer produces
 *   email.send: { from, to, cc, bcc, replyTo, subject, text, html }   (slot "smtp", kind "smtp")
 *   email.read: { mailbox, markSeen, format: simple | resolved | raw, attachments }  (slot "imap", kind "imap")
 */
import type { Mapper } from '../context';
import { read } from '../context';

export const mapEmailSend: Mapper = (c) => {
  const p = c.params;
  if (p.operation === 'sendAndWait') c.unsupported('sending an e-mail and waiting for the answer has no Junction equivalent');
  const opt = (key: string) => p[key] ?? read(p, `options.${key}`);
  const format = String(p.emailFormat ?? (c.version < 2 ? 'both' : 'text'));
  const params: Record<string, unknown> = {
    from: c.value(p.fromEmail ?? '', 'fromEmail'), to: c.value(p.toEmail ?? '', 'toEmail'),
    cc: c.value(opt('ccEmail') ?? '', 'ccEmail'), bcc: c.value(opt('bccEmail') ?? '', 'bccEmail'),
    replyTo: c.value(opt('replyTo') ?? '', 'options.replyTo'), subject: c.value(p.subject ?? '', 'subject'),
  };
  if (format !== 'html') params.text = c.value(p.text ?? '', 'text');
  if (format !== 'text') params.html = c.value(p.html ?? '', 'html');
  if (opt('attachments')) c.note('warning', 'option', 'attachments', 'attachments from n8n binary properties were not carried over; add them in the Send Email node');
  return { type: 'email.send', params, credential: { slot: 'smtp', kind: () => 'smtp' } };
};

export const mapEmailRead: Mapper = (c) => {
  const p = c.params;
  if (read(p, 'options.customEmailConfig') !== undefined) c.note('warning', 'option', 'options.customEmailConfig', 'the custom IMAP search was not carried over: Junction reads new (unseen) messages');
  return {
    type: 'email.read',
    params: { mailbox: c.value(p.mailbox ?? 'INBOX', 'mailbox'), markSeen: p.postProcessAction !== 'nothing', format: String(p.format ?? 'simple'), attachments: p.downloadAttachments === true },
    credential: { slot: 'imap', kind: () => 'imap' },
  };
};
