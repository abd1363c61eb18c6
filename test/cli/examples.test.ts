import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeFlow } from '../../engine/flow';
import { junction } from './run-cli';

const dir = resolve(__dirname, '../../examples');
const run = (name: string) => {
  const r = junction(['run', resolve(dir, name), '--json', '--no-history']);
  // A run past one second reports progress on stderr (a busy machine gets there): nothing else.
  expect(r.stderr.replace(/^running .*\n/gm, '')).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { status: string; output: Record<string, Record<string, Record<string, unknown>[]>> };
};

describe('examples/', () => {
  it('holds at least five flows, each valid and written canonically', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.flow.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const text = readFileSync(resolve(dir, f), 'utf8');
      expect(serializeFlow(JSON.parse(text)), f).toBe(text);
    }
    const v = junction(['validate', ...files.map((f) => resolve(dir, f))]);
    expect(v.code).toBe(0);
    expect(v.stdout.match(/: valid/g)).toHaveLength(files.length);
  });

  it('dedupes customers by normalised e-mail and aggregates per country', () => {
    expect(run('dedupe-customers.flow.json').output['Per country'].main).toEqual([
      { country: 'GB', customers: 2, spent: 350 }, { country: 'US', customers: 2, spent: 750 }, { country: 'FI', customers: 1, spent: 55 },
    ]);
  });

  it('routes orders by amount to three queues', () => {
    const out = run('route-orders.flow.json').output;
    expect(out['Self-service'].main.map((o) => o.id)).toEqual(['SO-1001', 'SO-1004']);
    expect(out['Sales queue'].main).toEqual([{ id: 'SO-1003', customer: 'Initech', amount: 310, queue: 'sales', priority: 'normal' }]);
    expect(out['Needs approval'].main.map((o) => [o.id, o.approver])).toEqual([['SO-1002', 'finance@example.com'], ['SO-1005', 'finance@example.com']]);
  });

  it('loops over 25 records in batches of 10', () => {
    expect(run('loop-batches.flow.json').output.Summary.main).toEqual([{ batchSize: 10, records: 20, qty: 50 }, { batchSize: 5, records: 5, qty: 12 }]);
  });

  it('maps fields and routes rows that fail validation to the error port', () => {
    const out = run('map-fields.flow.json').output;
    expect(out['Ready for CRM'].main).toEqual([
      { fullName: 'Jürgen Klopp', email: 'jurgen@example.de', phone: '+49301234567', signedUp: '2025-03-14', tier: 'Professional' },
      { fullName: 'Marie Curie', email: 'marie@example.fr', phone: '+33123456789', signedUp: '2024-11-02', tier: 'Starter' },
    ]);
    expect(out['Needs review'].main.map((r) => r.error)).toEqual([
      { field: 'email', rule: 'required', message: 'email: is required, but the value is empty' },
      { field: 'phone', rule: 'formatPhone', message: 'phone: "12ab" is not a phone number for DE' },
    ]);
  });

  it('merges customers and orders by key (left join) and sorts by total', () => {
    const out = run('merge-by-key.flow.json').output['Biggest first'].main;
    expect(out.map((r) => [r.name, r.orderId ?? null, r.total ?? null])).toEqual([['Acme', 'O-3', 310], ['Acme', 'O-1', 120], ['Globex', 'O-2', 75], ['Initech', null, null]]);
  });
});
