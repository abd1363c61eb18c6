import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import noop from './noop';

describe('core.noop', () => {
  it('passes the same items on', async () => {
    const items = [{ json: { a: 1 } }];
    const { outputs: out } = await runNode(noop, { items });
    expect(out.main[0]).toBe(items[0]);
  });

  it('returns the input list itself, not a copy', () => {
    // runNode copies the input list, so this calls execute directly.
    const main = [{ json: { a: 1 } }];
    expect((noop.execute({ items: main } as never) as { main: unknown }).main).toBe(main);
  });
});
