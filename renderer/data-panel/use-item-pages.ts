/**
 * Items of one node, side and port, fetched a page at a time as the table scrolls to them.
 * A run of 100,000 items opens with one 500-item request; the rest load only where someone
 * looks. Answers for a source that has since changed are dropped.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Json } from './columns';

export const PAGE_SIZE = 500;

export interface ItemSource {
  /** Changes whenever the data behind the source may differ (run, node, side, port, status). */
  key: string;
  load(offset: number, limit: number): Promise<{ total: number; items: Json[]; isSample: boolean }>;
}

export interface ItemPages {
  status: 'loading' | 'ready' | 'error';
  /** How many items the node had. */
  total: number;
  /** How many of them can be read: fewer than `total` when run history kept only a sample. */
  rows: number;
  isSample: boolean;
  error?: string;
  /** The item at `index`, or undefined while its page loads. */
  item(index: number): Json | undefined;
  /** Loads the pages that hold items `start`..`end`. */
  ensure(start: number, end: number): void;
  /** The first `n` items, as far as they are loaded without a gap. */
  head(n: number): Json[];
  /** Identity of the first page, for memoising what is derived from it (columns, schema). */
  firstPage: Json[] | undefined;
}

class Cache {
  pages = new Map<number, Json[]>();
  inflight = new Set<number>();
  total = 0;
  /** Set once a page comes back short of the total: the end of what was kept. */
  kept?: number;
  isSample = false;
  status: ItemPages['status'] = 'loading';
  error?: string;
}

export function useItemPages(source: ItemSource | undefined): ItemPages {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const holder = useRef<{ key: string | undefined; cache: Cache }>({ key: undefined, cache: new Cache() });
  if (holder.current.key !== source?.key) holder.current = { key: source?.key, cache: new Cache() };
  const cache = holder.current.cache;
  const sourceRef = useRef(source);
  sourceRef.current = source;

  const fetchPage = useCallback((page: number) => {
    const c = holder.current.cache;
    const src = sourceRef.current;
    if (!src || c.pages.has(page) || c.inflight.has(page)) return;
    c.inflight.add(page);
    src.load(page * PAGE_SIZE, PAGE_SIZE).then(
      (out) => {
        c.inflight.delete(page);
        if (holder.current.cache !== c) return;
        c.pages.set(page, out.items);
        c.total = out.total;
        const end = page * PAGE_SIZE + out.items.length;
        if (out.items.length < PAGE_SIZE && end < out.total) c.kept = Math.min(c.kept ?? end, end);
        c.isSample = out.isSample;
        c.status = 'ready';
        rerender();
      },
      (e: unknown) => {
        c.inflight.delete(page);
        if (holder.current.cache !== c) return;
        c.status = 'error';
        c.error = e instanceof Error ? e.message : String(e);
        rerender();
      },
    );
  }, []);

  useEffect(() => { if (source) fetchPage(0); }, [source?.key, fetchPage]);

  const ensure = useCallback((start: number, end: number) => {
    const c = holder.current.cache;
    const last = Math.min(end, (c.kept ?? Infinity) - 1);
    for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, last) / PAGE_SIZE); p++) fetchPage(p);
  }, [fetchPage]);

  return {
    status: source ? cache.status : 'ready',
    total: cache.total,
    rows: Math.min(cache.total, cache.kept ?? cache.total),
    isSample: cache.isSample,
    error: cache.error,
    item: (i) => cache.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    ensure,
    head: (n) => {
      const out: Json[] = [];
      for (let p = 0; out.length < n; p++) {
        const page = cache.pages.get(p);
        if (!page) break;
        out.push(...page.slice(0, n - out.length));
        if (page.length < PAGE_SIZE) break;
      }
      return out;
    },
    firstPage: cache.pages.get(0),
  };
}

/** A source over items already in memory (pinned data). */
export function localSource(key: string, items: readonly Json[]): ItemSource {
  return {
    key,
    load: async (offset, limit) => ({ total: items.length, items: items.slice(offset, offset + limit), isSample: false }),
  };
}
