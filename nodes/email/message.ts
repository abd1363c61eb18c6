/**
 * A fetched IMAP message as an item: which body parts are its text, its HTML and its
 * attachments (read from the server's BODYSTRUCTURE, so only those parts are downloaded), and
 * the header fields the envelope does not carry (References).
 */
import type { FetchMessageObject, MessageAddressObject, MessageStructureObject } from 'imapflow';

export interface PartPlan { text?: MessageStructureObject; html?: MessageStructureObject; attachments: MessageStructureObject[] }

/** A single-part message has no part number in its structure; IMAP calls its body part 1. */
export const partOf = (node: MessageStructureObject) => node.part ?? '1';

export function planParts(root: MessageStructureObject | undefined): PartPlan {
  const plan: PartPlan = { attachments: [] };
  const walk = (node: MessageStructureObject) => {
    const type = node.type.toLowerCase();
    if (type.startsWith('multipart/')) { for (const child of node.childNodes ?? []) walk(child); return; }
    const isAttachment = node.disposition?.toLowerCase() === 'attachment';
    if (!isAttachment && type === 'text/plain' && !plan.text) plan.text = node;
    else if (!isAttachment && type === 'text/html' && !plan.html) plan.html = node;
    else plan.attachments.push(node); // files, inline images, forwarded messages, further text parts
  };
  if (root) walk(root);
  return plan;
}

/** Text of a downloaded part in its declared charset (imapflow has already undone base64 / QP). */
export function decodeText(bytes: Buffer | null | undefined, charset: string | undefined): string {
  if (!bytes) return '';
  try { return new TextDecoder(charset || 'utf-8').decode(bytes); } catch { return new TextDecoder('utf-8').decode(bytes); }
}

export function fileNameOf(node: MessageStructureObject, index: number): string {
  const name = node.dispositionParameters?.filename ?? node.parameters?.name;
  if (name) return name;
  return node.type.toLowerCase() === 'message/rfc822' ? `message-${index + 1}.eml` : `attachment-${index + 1}`;
}

/** The Message-IDs of a References header (folded over lines or not). */
export function referencesOf(headers: Buffer | undefined): string[] {
  if (!headers) return [];
  const value = headers.toString('utf8').replace(/\r?\n[ \t]+/g, ' ').replace(/^references:/i, '');
  return value.match(/<[^<>\s]+>/g) ?? [];
}

const address = (a: MessageAddressObject | undefined) => (a ? { name: a.name ?? '', address: a.address ?? '' } : null);
const addresses = (list: MessageAddressObject[] | undefined) => (list ?? []).map(address);

/** The fields of the item, bodies aside. */
export function headerFields(msg: FetchMessageObject): Record<string, unknown> {
  const env = msg.envelope;
  const date = env?.date ?? msg.internalDate;
  return {
    uid: msg.uid,
    messageId: env?.messageId ?? null,
    from: address(env?.from?.[0]),
    to: addresses(env?.to),
    cc: addresses(env?.cc),
    replyTo: addresses(env?.replyTo),
    subject: env?.subject ?? '',
    date: date ? new Date(date).toISOString() : null,
    inReplyTo: env?.inReplyTo ?? null,
    references: referencesOf(msg.headers),
  };
}
