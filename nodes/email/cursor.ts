/**
 * Which messages of a mailbox are new since the last poll, by UID. UIDs only mean something
 * together with the mailbox's UIDVALIDITY: when the server renumbers a mailbox (it was
 * recreated, restored or migrated) every UID changes. Then the cursor restarts from the
 * arrival time of the last message read: messages that arrived after it are read, the ones
 * already read are not read again (IMAP's SINCE searches by day, so the day is searched and
 * each message's arrival time compared).
 */
import type { ImapClient } from './imap';

export interface Cursor {
  uidValidity: string;
  /** The highest UID read (or the mailbox's last UID when reading started). */
  lastUid: number;
  /** Arrival time (INTERNALDATE, ISO) of the newest message read: where a renumbered mailbox restarts. */
  lastArrival?: string;
}

export interface NewMessages { uids: number[]; cursor: Cursor; notes: string[] }

const ascending = (uids: number[] | false | undefined, after: number) => (uids || []).filter((u) => u > after).sort((a, b) => a - b);

/** UIDs above `after` (IMAP's `n:*` also matches the last message when none is above n: filtered out). */
const uidsAfter = async (client: ImapClient, after: number) => ascending(await client.search({ uid: `${after + 1}:*` }, { uid: true }), after);

async function arrivedAfter(client: ImapClient, at: Date): Promise<number[]> {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - 1)); // a day early: servers compare in their own zone
  const candidates = ascending(await client.search({ since: day }, { uid: true }), 0);
  if (candidates.length === 0) return [];
  const fetched = await client.fetchAll(candidates.join(','), { internalDate: true }, { uid: true });
  return fetched.filter((m) => m.internalDate && new Date(m.internalDate).getTime() > at.getTime()).map((m) => m.uid).sort((a, b) => a - b);
}

export async function newMessages(
  client: ImapClient, box: { path: string; uidValidity: bigint; uidNext: number }, saved: Cursor | undefined, opts: { firstPoll: 'onlyNew' | 'all'; max: number },
): Promise<NewMessages> {
  const uidValidity = String(box.uidValidity);
  const end = box.uidNext - 1;
  if (!saved) {
    if (opts.firstPoll === 'onlyNew') {
      return { uids: [], cursor: { uidValidity, lastUid: end }, notes: [`First poll of ${box.path}: reading messages that arrive after UID ${end} from now on.`] };
    }
    const uids = await uidsAfter(client, 0);
    return capped(uids, { uidValidity, lastUid: 0 }, opts.max, []);
  }
  if (saved.uidValidity !== uidValidity) {
    const note = `The server renumbered ${box.path} (UIDVALIDITY ${saved.uidValidity} became ${uidValidity}), so its UIDs changed.`;
    if (!saved.lastArrival) {
      return { uids: [], cursor: { uidValidity, lastUid: end }, notes: [`${note} No message had been read yet: reading restarts with messages arriving from now on.`] };
    }
    // Every message that arrived after the last one read; the cursor then moves past the mailbox's end.
    const uids = await arrivedAfter(client, new Date(saved.lastArrival));
    const restart = `${note} Reading restarts after the last message read (arrived ${saved.lastArrival}): ${uids.length} message(s) arrived since; those read before are not read again.`;
    return { uids, cursor: { uidValidity, lastUid: Math.max(end, uids.at(-1) ?? 0), lastArrival: saved.lastArrival }, notes: [restart] };
  }
  return capped(await uidsAfter(client, saved.lastUid), saved, opts.max, []);
}

/** At most `max` messages per poll, oldest first; the rest wait for the next poll. */
function capped(uids: number[], from: Cursor, max: number, notes: string[]): NewMessages {
  const take = uids.slice(0, max);
  if (uids.length > take.length) notes.push(`${uids.length - take.length} more new message(s) are left for the next poll (at most ${max} per poll).`);
  return { uids: take, cursor: { ...from, lastUid: take.at(-1) ?? from.lastUid }, notes };
}
