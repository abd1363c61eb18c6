/**
 * Send Email → email.send (slot "smtp", kind "smtp") and Email Trigger (IMAP) → email.read
 * (slot "imap", kind "imap"); params as in nodes/email/send.ts and read.ts.
 */
import type { Mapper } from '../context';
import { fieldList, read } from '../context';

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
  const attachments = opt('attachments');
  if (attachments !== undefined && attachments !== '') {
    const text = String(attachments);
    if (text.startsWith('=')) c.note('warning', 'option', 'options.attachments', 'the attachments were named by an expression; list the binary fields to attach in the Send Email node');
    else params.attachments = fieldList(text);
  }
  if (!params.from) c.note('error', 'option', 'fromEmail', 'no sender was given: fill in "from"');
  if (!params.to) c.note('error', 'option', 'toEmail', 'no recipient was given: fill in "to"');
  if (read(p, 'options.allowUnauthorizedCerts') === true) c.note('warning', 'option', 'options.allowUnauthorizedCerts', 'accepting any server certificate is a setting of the SMTP connection in Junction');
  return { type: 'email.send', params, credential: { slot: 'smtp', kind: () => 'smtp' } };
};

export const mapEmailRead: Mapper = (c) => {
  const p = c.params;
  const custom = read(p, 'options.customEmailConfig');
  if (custom !== undefined && String(custom).replace(/\s/g, '') !== '["UNSEEN"]') c.note('warning', 'option', 'options.customEmailConfig', 'the custom IMAP search was not carried over: Junction reads the messages that arrive after it starts');
  if (p.format === 'raw') c.note('warning', 'option', 'format', 'the raw message source is not offered: Junction gives the headers, text, HTML and attachments');
  if (read(p, 'options.allowUnauthorizedCerts') === true) c.note('warning', 'option', 'options.allowUnauthorizedCerts', 'accepting any server certificate is a setting of the IMAP connection in Junction');
  const mailbox = String(p.mailbox ?? 'INBOX');
  if (mailbox.startsWith('=')) c.unsupported('the mailbox comes from an expression; Junction needs it written out');
  return {
    type: 'email.read',
    params: { mailbox: mailbox || 'INBOX', markSeen: (p.postProcessAction ?? 'read') === 'read', attachments: p.downloadAttachments === true },
    credential: { slot: 'imap', kind: () => 'imap' },
  };
};
