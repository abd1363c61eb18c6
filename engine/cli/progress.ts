import type { Terminal } from './terminal';

/** Back to the line's start and erase it, so the next status line replaces this one. */
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Progress for a long run on stderr: silent for the first second (short runs print only
 * their table), then one status line, rewritten in place on a terminal and repeated at
 * most every 2 s when stderr is a file or pipe.
 */
export function createProgress(stream: Terminal, nodeCount: number, quietMs = 1000) {
  const t0 = Date.now();
  let finished = 0;
  let items = 0;
  /** Items streamed nodes sent on so far, until their node.finished adds their total. */
  const streaming = new Map<string, number>();
  let current = '';
  let lastPrint = 0;
  let shown = false;
  const print = () => {
    const elapsed = ((Date.now() - t0) / 1000).toFixed(1);
    let all = items;
    for (const n of streaming.values()) all += n;
    const text = `running ${current || '…'}: ${finished}/${nodeCount} nodes done, ${all.toLocaleString('en-US')} items, ${elapsed} s`;
    if (stream.isTTY) { stream.control(CLEAR_LINE); stream.write(text); }
    else stream.write(`${text}\n`);
    lastPrint = Date.now();
    shown = true;
  };
  const timer = setInterval(() => {
    if (Date.now() - t0 >= quietMs && (stream.isTTY || Date.now() - lastPrint >= 2000)) print();
  }, stream.isTTY ? 200 : 500);
  timer.unref();
  return {
    started(name: string) { current = name; },
    /** A streamed node's items out so far (node.progress). */
    progressed(nodeId: string, out: number) { streaming.set(nodeId, out); },
    finished(nodeId: string, out: number) { finished++; items += out; streaming.delete(nodeId); },
    done() {
      clearInterval(timer);
      if (shown && stream.isTTY) stream.control(CLEAR_LINE);
      shown = false;
    },
  };
}
