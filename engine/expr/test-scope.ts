// Test helper: a scope like the one the executor builds, with host objects for $input and $().
import { DateTime } from 'luxon';
import { compileTemplate, type ExprScope } from './index';
import { hostFunction, hostObject } from './host';

export const NOW = DateTime.fromISO('2024-03-15T10:30:00', { zone: 'Europe/Berlin' });

export function makeScope(json: unknown = {}, extra: Partial<ExprScope> = {}): ExprScope {
  const items = [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }];
  const nodeData: Record<string, { json: Record<string, unknown> }[]> = {
    'Get contacts': [{ json: { email: 'ada@acme.io', name: 'Ada' } }, { json: { email: 'bob@acme.io', name: 'Bob' } }],
  };
  return {
    $json: json,
    $binary: {},
    $index: 0,
    $input: hostObject({ all: () => items, first: () => items[0], last: () => items[items.length - 1], item: items[0] }),
    $: hostFunction((name: string) => {
      const data = nodeData[name];
      if (!data) throw new Error(`No node named '${name}'`);
      return hostObject({ item: data[0], all: () => data, first: () => data[0], last: () => data[data.length - 1] });
    }),
    $vars: { region: 'eu' },
    $env: { API_HOST: 'api.example.com' },
    $now: NOW,
    $today: NOW.startOf('day'),
    $run: { id: 'run_1', mode: 'manual' },
    $flow: { id: 'f_1', name: 'Test flow' },
    $node: { id: 'n_1', name: 'Set', type: 'core.set' },
    $state: { cursor: 'c42' },
    ...extra,
  };
}

/** Compiles and evaluates `source` against `json` (or a full scope). */
export function run(source: string, json: unknown = {}, extra: Partial<ExprScope> = {}): unknown {
  return compileTemplate(source).evaluate(makeScope(json, extra));
}

/** The error `fn` throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): { code: string; message: string; position?: number; hint?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; position?: number; hint?: string };
  }
  throw new Error('expected an error');
}
