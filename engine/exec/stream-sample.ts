/**
 * What a streamed run keeps of a node's items. Memory must stay flat whatever the data's size,
 * so a streamed node keeps, per port, the first SAMPLE_ITEMS items (at most about SAMPLE_BYTES
 * of JSON) plus the exact count; only a port that feeds a node collecting all its input keeps
 * every item (that node needs them anyway). History, the editor's data panel, the run result
 * and `$('Node')` see the sample; `sampleTotals` says it is one and how many items there were.
 */
import type { Item, Outputs } from '../sdk/types';

export const SAMPLE_ITEMS = 1_000;
export const SAMPLE_BYTES = 1 << 20;

/** Exact item counts per port of the port maps that hold a sample; weak, so it keeps nothing alive. */
const totals = new WeakMap<object, Record<string, number>>();

/** Marks `ports` as a streamed node's kept items, `counts` being how many went through each port. */
export function markSample<T extends Record<string, Item[]>>(ports: T, counts: Record<string, number>): T {
  totals.set(ports, counts);
  return ports;
}

/** The exact counts when `ports` holds a streamed node's items; undefined for whole outputs. */
export const sampleTotals = (ports: object | undefined): Record<string, number> | undefined => (ports ? totals.get(ports) : undefined);

/** Whether some port of `ports` kept fewer items than went through it. */
export function isTruncated(ports: Record<string, Item[]> | undefined): boolean {
  const counts = sampleTotals(ports);
  if (!counts || !ports) return false;
  for (const port of Object.keys(counts)) if (counts[port] > (ports[port]?.length ?? 0)) return true;
  return false;
}

/** How many items went through one port of a streamed node, and which of them are kept. */
export class PortTally {
  count = 0;
  readonly kept: Item[] = [];
  private bytes = 0;
  /** Every item, for a port that feeds a node outside the stream (it collects them anyway). */
  readonly all: Item[] | undefined;

  constructor(keepAll: boolean) {
    this.all = keepAll ? [] : undefined;
  }

  add(items: readonly Item[]): void {
    this.count += items.length;
    const all = this.all;
    if (all) for (let i = 0; i < items.length; i++) all.push(items[i]);
    // Sized only while the sample fills: per batch, not per item, once it is full.
    for (let i = 0; i < items.length && this.kept.length < SAMPLE_ITEMS && this.bytes < SAMPLE_BYTES; i++) {
      this.kept.push(items[i]);
      try { this.bytes += JSON.stringify(items[i].json)?.length ?? 4; } catch { this.bytes = SAMPLE_BYTES; }
    }
  }

  /** What the node's output (or input) shows for this port once the stream ended. */
  get items(): Item[] { return this.all ?? this.kept; }
}

/** Tallies per port, made on first use. */
export class PortTallies {
  readonly ports = new Map<string, PortTally>();
  constructor(private readonly keepsAll: (port: string) => boolean = () => false) {}

  add(ports: Outputs | Record<string, Item[]>): void {
    for (const port of Object.keys(ports)) {
      let t = this.ports.get(port);
      if (!t) this.ports.set(port, (t = new PortTally(this.keepsAll(port))));
      t.add(ports[port]);
    }
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [port, t] of this.ports) out[port] = t.count;
    return out;
  }

  /** The kept items per port, marked with the exact counts. */
  result(): Record<string, Item[]> {
    const out: Record<string, Item[]> = {};
    for (const [port, t] of this.ports) out[port] = t.items;
    return markSample(out, this.counts());
  }
}
