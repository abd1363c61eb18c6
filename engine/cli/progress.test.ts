import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

const tick = () => new Promise((r) => setTimeout(r, 700));

describe('CLI progress', () => {
  it('counts a streamed node\'s items as they pass, then its total once it finished', async () => {
    const lines: string[] = [];
    // A terminal: the line is rewritten every 200 ms.
    const p = createProgress({ write: (t) => lines.push(t), control: () => {}, isTTY: true }, 3, 0);
    p.started('Read file');
    p.progressed('read', 5_000);
    await tick();
    p.progressed('read', 12_000);
    p.progressed('edit', 11_000);
    await tick();
    p.finished('read', 20_000);
    p.finished('edit', 20_000);
    await tick();
    p.done();
    const counts = lines.map((l) => Number(/, ([\d,]+) items/.exec(l)![1].replace(/,/g, '')));
    expect(counts.filter((n, i) => n !== counts[i - 1])).toEqual([5_000, 23_000, 40_000]);
    expect(lines.at(-1)).toMatch(/^running Read file: 2\/3 nodes done, 40,000 items/);
  });
});
