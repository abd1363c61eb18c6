import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processBinaryStore } from '../../engine/exec/binary-store';
import { runNode } from '../../engine/sdk/testing';
import read from '../../nodes/email/read';
import { describeWithServer } from '../servers/use-server';
import { compose } from './compose';
import { freshMailbox, imapClient, imapCredential } from './mail-servers';

describeWithServer('dovecot', 'email.read against Dovecot IMAP', (info) => {
  let imap: ImapFlow;
  const credentials = { imap: imapCredential(info) };
  const poll = (params: Record<string, unknown>, state?: Record<string, unknown>, logs: string[] = []) =>
    runNode(read, { params, state, credentials, logs });
  const note = (n: number, extra: Record<string, unknown> = {}) =>
    compose({ from: 'Ada <ada@example.test>', to: 'team@example.test', subject: `Note ${n}`, text: `Body ${n}`, messageId: `<note-${n}@example.test>`, ...extra });

  beforeAll(async () => { imap = await imapClient(info); });
  afterAll(async () => { await imap.logout(); });

  it('reads what is in the mailbox at the first poll when asked, then only what arrived since', async () => {
    const box = await freshMailbox(imap, 'Polls');
    await imap.append(box, await note(1, { html: '<p>Body <b>1</b></p>', cc: 'Bob <bob@example.test>' }));
    await imap.append(box, await note(2, { inReplyTo: '<note-1@example.test>', references: ['<root@example.test>', '<note-1@example.test>'] }));
    const first = await poll({ mailbox: box, firstPoll: 'all' });
    expect(first.outputs.main.map((i) => i.json.subject)).toEqual(['Note 1', 'Note 2']);
    expect(first.outputs.main[0].json).toMatchObject({
      messageId: '<note-1@example.test>', from: { name: 'Ada', address: 'ada@example.test' },
      to: [{ name: '', address: 'team@example.test' }], cc: [{ name: 'Bob', address: 'bob@example.test' }],
      text: 'Body 1', html: '<p>Body <b>1</b></p>', inReplyTo: null, references: [], attachments: [],
    });
    expect(first.outputs.main[1].json).toMatchObject({ html: null, inReplyTo: '<note-1@example.test>', references: ['<root@example.test>', '<note-1@example.test>'] });
    expect(Date.parse(String(first.outputs.main[0].json.date))).not.toBeNaN();

    await imap.append(box, await note(3));
    const second = await poll({ mailbox: box }, first.state);
    expect(second.outputs.main.map((i) => i.json.subject)).toEqual(['Note 3']);
    const third = await poll({ mailbox: box }, second.state);
    expect(third.outputs.main).toEqual([]);
    expect(third.state.cursor).toEqual(second.state.cursor);
  });

  it('starts after the last message by default, and reads at most maxPerPoll a poll', async () => {
    const box = await freshMailbox(imap, 'OnlyNew');
    await imap.append(box, await note(1));
    const logs: string[] = [];
    const first = await poll({ mailbox: box }, undefined, logs);
    expect(first.outputs.main).toEqual([]);
    expect(logs.join('\n')).toContain(`First poll of ${box}: reading messages that arrive after UID 1`);
    for (const n of [2, 3, 4]) await imap.append(box, await note(n));
    const second = await poll({ mailbox: box, maxPerPoll: 2 }, first.state, logs);
    expect(second.outputs.main.map((i) => i.json.subject)).toEqual(['Note 2', 'Note 3']);
    expect(logs.join('\n')).toContain('1 more new message(s) are left for the next poll');
    expect((await poll({ mailbox: box, maxPerPoll: 2 }, second.state)).outputs.main.map((i) => i.json.subject)).toEqual(['Note 4']);
  });

  it('gives attachments as binary data with their names, types and bytes, and marks as seen only when asked', async () => {
    const box = await freshMailbox(imap, 'Files');
    const png = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const csv = Buffer.from('id;name\n1;Zoë\n', 'utf8');
    await imap.append(box, await note(1, { attachments: [{ filename: 'chart.png', content: png, contentType: 'image/png' }, { filename: 'rows.csv', content: csv, contentType: 'text/csv' }] }));
    await imap.append(box, await note(2));
    const out = await poll({ mailbox: box, firstPoll: 'all' });
    const [withFiles, plain] = out.outputs.main;
    expect(withFiles.json.text).toBe('Body 1');
    expect(withFiles.json.attachments).toEqual([
      { key: 'attachment_0', fileName: 'chart.png', mimeType: 'image/png', size: png.length },
      { key: 'attachment_1', fileName: 'rows.csv', mimeType: 'text/csv', size: csv.length },
    ]);
    const store = processBinaryStore();
    expect(Buffer.from(await store.read(withFiles.binary!.attachment_0)).equals(png)).toBe(true);
    expect(Buffer.from(await store.read(withFiles.binary!.attachment_1)).equals(csv)).toBe(true);
    expect(plain.binary).toBeUndefined();
    // A fresh session each time: one that has the mailbox selected may not see another session's flags yet.
    const seenCount = async () => {
      const other = await imapClient(info);
      try { const st = await other.status(box, { messages: true, unseen: true }); return st ? (st.messages ?? 0) - (st.unseen ?? 0) : -1; } finally { await other.logout(); }
    };
    expect(await seenCount()).toBe(0);
    await poll({ mailbox: box, firstPoll: 'all', markSeen: true });
    expect(await seenCount()).toBe(2);
  });

  it('decodes text in its charset and transfer encoding', async () => {
    const box = await freshMailbox(imap, 'Latin');
    const raw = ['From: a@example.test', 'To: b@example.test', 'Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=', 'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Sch=F6ne Gr=FC=DFe aus K=F6ln'].join('\r\n');
    await imap.append(box, raw);
    const [msg] = (await poll({ mailbox: box, firstPoll: 'all' })).outputs.main;
    expect(msg.json).toMatchObject({ subject: 'Grüße', text: 'Schöne Grüße aus Köln', html: null });
  });

  it('restarts after the last message read when the server renumbers the mailbox, never reading it all again', async () => {
    const box = await freshMailbox(imap, 'Renumbered');
    const old = [await note(1), await note(2)];
    await imap.append(box, old[0], [], new Date('2026-01-01T10:00:00Z'));
    await imap.append(box, old[1], [], new Date('2026-01-02T10:00:00Z'));
    const first = await poll({ mailbox: box, firstPoll: 'all' });
    expect(first.outputs.main).toHaveLength(2);
    // Recreating the mailbox gives it a new UIDVALIDITY, as a restore or migration would.
    await imap.mailboxDelete(box);
    await imap.mailboxCreate(box);
    await imap.append(box, old[0], [], new Date('2026-01-01T10:00:00Z'));
    await imap.append(box, old[1], [], new Date('2026-01-02T10:00:00Z'));
    await imap.append(box, await note(3), [], new Date('2026-01-02T11:00:00Z'));
    const logs: string[] = [];
    const second = await poll({ mailbox: box }, first.state, logs);
    expect(second.outputs.main.map((i) => i.json.subject)).toEqual(['Note 3']);
    expect(logs.join('\n')).toMatch(/warn: The server renumbered .* \(UIDVALIDITY \d+ became \d+\).*1 message\(s\) arrived since/);
    expect((second.state.cursor as { uidValidity: string }).uidValidity).not.toBe((first.state.cursor as { uidValidity: string }).uidValidity);
    expect((await poll({ mailbox: box }, second.state)).outputs.main).toEqual([]);
  });

  it('says clearly when the password is wrong or the mailbox does not exist', async () => {
    const wrong = runNode(read, { params: {}, credentials: { imap: imapCredential(info, 'not-the-password') } });
    await expect(wrong).rejects.toThrow(`The IMAP server ${info.host}:${info.port} refused the sign-in for "${info.user}"`);
    await expect(wrong).rejects.not.toThrow(/not-the-password/);
    await expect(poll({ mailbox: 'No such folder' })).rejects.toThrow(`could not open mailbox "No such folder"`);
  });
});
