import { describe, expect, it } from 'vitest';
import { runNode } from '../../../engine/sdk/testing';
import type { Item } from '../../../engine/sdk';
import setNode from './set';

const NBSP = '\u00a0';

/** Sets one field `v` from a static value through the given transforms and checks. */
async function apply(value: unknown, transforms: unknown[] = [], validation?: Record<string, unknown>) {
  const field = validation ? { name: 'v', value, transforms, validation } : { name: 'v', value, transforms };
  return (await runNode(setNode, { params: { mode: 'replace', fields: [field] }, items: [{ id: 1 }] })).outputs;
}
async function result(value: unknown, transforms: unknown[] = [], validation?: Record<string, unknown>) {
  const out = await apply(value, transforms, validation);
  expect(out.error).toEqual([]);
  return out.main[0].json.v;
}
async function rejection(value: unknown, transforms: unknown[] = [], validation?: Record<string, unknown>) {
  const out = await apply(value, transforms, validation);
  expect(out.main).toEqual([]);
  expect(out.error[0].json.id).toBe(1);
  return out.error[0].json.error as { field: string; rule: string; message: string };
}

describe('core.set: mapping', () => {
  it('merge keeps incoming fields and overwrites the listed ones; replace outputs only the listed ones', async () => {
    const fields = [{ name: 'status', value: 'active' }, { name: 'tier', value: 2 }];
    const { outputs: merged } = await runNode(setNode, { params: { fields }, items: [{ id: 7, status: 'new' }] });
    expect(merged.main[0].json).toEqual({ id: 7, status: 'active', tier: 2 });
    const { outputs: replaced } = await runNode(setNode, { params: { mode: 'replace', fields }, items: [{ id: 7, status: 'new' }] });
    expect(replaced.main[0].json).toEqual({ status: 'active', tier: 2 });
  });

  it('creates nested objects from dotted names without touching the input', async () => {
    const input = { customer: { name: 'Ada', address: { city: 'London' } }, n: 1 };
    const before = structuredClone(input);
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'customer.address.zip', value: 'NW1' }, { name: 'customer.vip', value: true }, { name: 'meta.source', value: 'crm' }] },
      items: [input],
    });
    expect(out.main[0].json).toEqual({ customer: { name: 'Ada', address: { city: 'London', zip: 'NW1' }, vip: true }, n: 1, meta: { source: 'crm' } });
    expect(input).toEqual(before);
  });

  it('removes incoming fields, flat and nested, in merge mode', async () => {
    const input = { id: 1, secret: 's', customer: { name: 'Ada', internalId: 9 } };
    const { outputs: out } = await runNode(setNode, { params: { remove: ['secret', 'customer.internalId', 'not.there'] }, items: [input] });
    expect(out.main[0].json).toEqual({ id: 1, customer: { name: 'Ada' } });
    expect(input.customer.internalId).toBe(9);
  });

  it('takes dots literally when dot notation is off', async () => {
    const { outputs: out } = await runNode(setNode, { params: { dotNotation: false, fields: [{ name: 'No.', value: 5 }] }, items: [{ id: 1 }] });
    expect(out.main[0].json).toEqual({ id: 1, 'No.': 5 });
  });

  it('keeps an own "__proto__" key of the input as data', async () => {
    const input = JSON.parse('{"__proto__": {"isAdmin": true}, "id": 1}') as Record<string, unknown>;
    const { outputs: out } = await runNode(setNode, { params: { fields: [{ name: 'x', value: 1 }] }, items: [input] });
    const json = out.main[0].json;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(['__proto__', 'id', 'x']);
    expect((json as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('keeps lineage and binary data on every output item', async () => {
    const good: Item = { json: { email: 'a@x.io' }, binary: { file: { mimeType: 'text/plain', size: 1, ref: 'b1' } } };
    const bad: Item = { json: { email: 'nope' } };
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'email', value: '{{ $json.email }}', validation: { type: 'email' } }] },
      items: [good, bad],
    });
    expect(out.main[0].paired).toEqual([good]);
    expect(out.main[0].paired![0]).toBe(good);
    expect(out.main[0].binary).toBe(good.binary);
    expect(out.error[0].paired![0]).toBe(bad);
  });

  it('sets null for an empty value', async () => {
    expect(await result(undefined)).toBeNull();
  });
});

describe('core.set: expressions', () => {
  it('a sole {{ }} keeps the type; text around it makes a string', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: {
        mode: 'replace',
        fields: [
          { name: 'n', value: '{{ $json.n }}' },
          { name: 'tags', value: '{{ $json.tags }}' },
          { name: 'label', value: 'No. {{ $json.n }}' },
          { name: 'contact.email', value: '{{ $json.mail }}' },
        ],
      },
      items: [{ n: 42, tags: ['a', 'b'], mail: 'a@x.io' }, { n: 7, tags: [], mail: 'b@x.io' }],
    });
    expect(out.main.map((i) => i.json)).toEqual([
      { n: 42, tags: ['a', 'b'], label: 'No. 42', contact: { email: 'a@x.io' } },
      { n: 7, tags: [], label: 'No. 7', contact: { email: 'b@x.io' } },
    ]);
  });

  it('writing into an object taken from the input copies it first', async () => {
    const input = { customer: { name: 'Ada' } };
    const { outputs: out } = await runNode(setNode, {
      params: { mode: 'replace', fields: [{ name: 'buyer', value: '{{ $json.customer }}' }, { name: 'buyer.tier', value: 'gold' }] },
      items: [input],
    });
    expect(out.main[0].json).toEqual({ buyer: { name: 'Ada', tier: 'gold' } });
    expect(input.customer).toEqual({ name: 'Ada' });
  });

  it('concatenates values from expressions, skipping empty ones', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'full', value: '{{ $json.first }}', transforms: [{ kind: 'concatenate', with: ['{{ $json.middle }}', '{{ $json.last }}'], separator: ' ' }] }] },
      items: [{ first: 'Ada', last: 'Lovelace' }, { first: 'Grace', middle: 'Brewster', last: 'Hopper' }],
    });
    expect(out.main.map((i) => i.json.full)).toEqual(['Ada Lovelace', 'Grace Brewster Hopper']);
  });

  it('reads transform settings from expressions per item', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'phone', value: '{{ $json.phone }}', transforms: [{ kind: 'formatPhone', defaultCountry: '{{ $json.country }}' }] }] },
      items: [{ phone: '030 1234567', country: 'DE' }, { phone: '(415) 555-2671', country: 'US' }, { phone: '030 1234567', country: 'XX' }],
    });
    expect(out.main.map((i) => i.json.phone)).toEqual(['+49301234567', '+14155552671']);
    expect(out.error[0].json.error).toMatchObject({ field: 'phone', rule: 'formatPhone', message: 'phone: "XX" is not a country code (use two letters such as DE)' });
  });
});

describe('core.set: transforms', () => {
  it('formatDate reads ISO, patterns, millis and seconds, and writes in a zone and locale', async () => {
    const toBerlin = { kind: 'formatDate', to: 'dd.MM.yyyy HH:mm', zone: 'Europe/Berlin' };
    expect(await result('2024-03-01T23:30:00Z', [toBerlin])).toBe('02.03.2024 00:30');
    expect(await result('2024-07-01 08:00:00', [{ ...toBerlin, zone: 'America/New_York' }])).toBe('01.07.2024 08:00');
    expect(await result('31.12.2023', [{ kind: 'formatDate', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }])).toBe('2023-12-31');
    expect(await result(0, [{ kind: 'formatDate', to: 'iso' }])).toBe('1970-01-01T00:00:00.000Z');
    expect(await result('1700000000', [{ kind: 'formatDate', from: 'seconds', to: 'yyyy-MM-dd HH:mm', zone: 'Asia/Tokyo' }])).toBe('2023-11-15 07:13');
    expect(await result('2024-03-05', [{ kind: 'formatDate', to: 'd. MMMM yyyy', locale: 'de-DE' }])).toBe('5. März 2024');
    expect(await rejection('31.02.2024', [{ kind: 'formatDate', from: 'dd.MM.yyyy', to: 'iso' }])).toEqual({
      field: 'v', rule: 'formatDate', message: 'v: "31.02.2024" is not a date in the format dd.MM.yyyy',
    });
  });

  it('formatNumber writes decimals, currency and percent per locale', async () => {
    expect(await result(1234.5, [{ kind: 'formatNumber', locale: 'de-DE', style: 'currency', currency: 'EUR' }])).toBe(`1.234,50${NBSP}€`);
    expect(await result('1234.5', [{ kind: 'formatNumber', locale: 'en-US', style: 'currency', currency: 'USD' }])).toBe('$1,234.50');
    expect(await result(1234.5678, [{ kind: 'formatNumber', locale: 'de-DE', decimals: 1 }])).toBe('1.234,6');
    expect(await result(0.256, [{ kind: 'formatNumber', style: 'percent', decimals: 1 }])).toBe('25.6%');
    expect(await result(0.256, [{ kind: 'formatNumber', locale: 'de-DE', style: 'percent', decimals: 0 }])).toBe(`26${NBSP}%`);
    expect((await rejection('abc', [{ kind: 'formatNumber' }])).message).toBe('v: "abc" is not a number');
  });

  it('formatPhone turns national numbers into E.164 with a default country', async () => {
    expect(await result('030 1234567', [{ kind: 'formatPhone', defaultCountry: 'DE' }])).toBe('+49301234567');
    expect(await result('(415) 555-2671', [{ kind: 'formatPhone', defaultCountry: 'us', format: 'INTERNATIONAL' }])).toBe('+1 415 555 2671');
    expect(await result('+44 20 7946 0958', [{ kind: 'formatPhone', defaultCountry: 'DE' }])).toBe('+442079460958');
    expect(await result('+49 30 1234567', [{ kind: 'formatPhone', defaultCountry: 'DE', format: 'NATIONAL' }])).toBe('030 1234567');
    expect(await rejection('12ab', [{ kind: 'formatPhone', defaultCountry: 'DE' }])).toEqual({
      field: 'v', rule: 'formatPhone', message: 'v: "12ab" is not a phone number for DE',
    });
  });

  it('normalizeText trims, collapses spaces, changes case and removes diacritics', async () => {
    const all = { kind: 'normalizeText', case: 'title', removeDiacritics: true };
    expect(await result('  josé   MÜLLER-łukasz\tße ', [all])).toBe('Jose Muller-Lukasz Sse');
    expect(await result(' Ærø  Straße ', [{ kind: 'normalizeText', removeDiacritics: true, case: 'upper' }])).toBe('AERO STRASSE');
    expect(await result('  Ab  C ', [{ kind: 'normalizeText', case: 'lower', collapseSpaces: false }])).toBe('ab  c');
  });

  it('lookup maps values, case-insensitively if asked, with a fallback', async () => {
    const table = { DE: 'Germany', FR: 'France' };
    expect(await result('DE', [{ kind: 'lookup', table }])).toBe('Germany');
    expect(await result('de', [{ kind: 'lookup', table, caseInsensitive: true }])).toBe('Germany');
    expect(await result('de', [{ kind: 'lookup', table }])).toBe('de');
    expect(await result('IT', [{ kind: 'lookup', table, ifNotFound: 'value', fallback: 'Other' }])).toBe('Other');
    expect(await result('IT', [{ kind: 'lookup', table, ifNotFound: 'null' }])).toBeNull();
    expect((await rejection('IT', [{ kind: 'lookup', table, ifNotFound: 'error' }])).message).toBe('v: "IT" is not in the lookup table');
  });

  it('concatenate joins with a separator and split takes parts', async () => {
    expect(await result('Ada', [{ kind: 'concatenate', with: ['Lovelace', null, 1815], separator: ' ' }])).toBe('Ada Lovelace 1815');
    expect(await result(['a', 'b'], [{ kind: 'concatenate', with: ['c'], separator: '-' }])).toBe('a-b-c');
    expect(await result('a, b ,c', [{ kind: 'split', separator: ',' }])).toEqual(['a', 'b', 'c']);
    expect(await result('Ada Lovelace', [{ kind: 'split', separator: ' ', index: -1 }])).toBe('Lovelace');
    expect(await result('Ada', [{ kind: 'split', separator: ' ', index: 3 }])).toBeNull();
  });

  it('calculate does arithmetic without float noise and rounds half away from zero', async () => {
    expect(await result(0.1, [{ kind: 'calculate', op: 'add', operand: 0.2 }])).toBe(0.3);
    expect(await result('12.5', [{ kind: 'calculate', op: 'multiply', operand: 2 }])).toBe(25);
    expect(await result(10, [{ kind: 'calculate', op: 'subtract', operand: 12 }, { kind: 'calculate', op: 'abs' }])).toBe(2);
    expect(await result(7, [{ kind: 'calculate', op: 'divide', operand: 2 }])).toBe(3.5);
    expect(await result(1.005, [{ kind: 'calculate', op: 'round', decimals: 2 }])).toBe(1.01);
    expect(await result(-2.5, [{ kind: 'calculate', op: 'round' }])).toBe(-3);
    expect((await rejection(5, [{ kind: 'calculate', op: 'divide', operand: 0 }])).message).toBe('v: cannot divide 5 by 0');
    expect((await rejection('abc', [{ kind: 'calculate', op: 'add', operand: 1 }])).rule).toBe('calculate');
  });

  it('default fills missing or blank values; transforms run in order', async () => {
    expect(await result(null, [{ kind: 'default', value: 'n/a' }])).toBe('n/a');
    expect(await result('   ', [{ kind: 'default', value: 0 }])).toBe(0);
    expect(await result('x', [{ kind: 'default', value: 'n/a' }])).toBe('x');
    expect(await result(null, [{ kind: 'default', value: 'de' }, { kind: 'lookup', table: { de: 'German' } }])).toBe('German');
    expect(await result(null, [{ kind: 'formatPhone', defaultCountry: 'DE' }])).toBeNull();
  });
});

describe('core.set: validation', () => {
  it('routes items failing a check to "error" with their original JSON and the reason', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: {
        fields: [
          { name: 'email', value: '{{ $json.email }}', validation: { required: true, type: 'email' } },
          { name: 'sku', value: '{{ $json.sku }}', validation: { pattern: '^[A-Z]{2}-\\d{3}$' } },
          { name: 'qty', value: '{{ $json.qty }}', validation: { type: 'number', min: 1, max: 99 } },
          { name: 'note', value: '{{ $json.note }}', validation: { max: 5 } },
        ],
      },
      items: [
        { id: 1, email: 'a@x.io', sku: 'AB-123', qty: '3' },
        { id: 2, sku: 'AB-123', qty: 3 },
        { id: 3, email: 'not-an-email', sku: 'AB-123', qty: 3 },
        { id: 4, email: 'a@x.io', sku: 'ab-1', qty: 3 },
        { id: 5, email: 'a@x.io', sku: 'AB-123', qty: 120 },
        { id: 6, email: 'a@x.io', sku: 'AB-123', qty: 'many' },
        { id: 7, email: 'a@x.io', sku: 'AB-123', qty: 1, note: 'far too long' },
      ],
    });
    expect(out.main.map((i) => i.json)).toEqual([{ id: 1, email: 'a@x.io', sku: 'AB-123', qty: 3, note: null }]);
    expect(out.error.map((i) => i.json.error)).toEqual([
      { field: 'email', rule: 'required', message: 'email: is required, but the value is empty' },
      { field: 'email', rule: 'type', message: 'email: "not-an-email" is not an e-mail address' },
      { field: 'sku', rule: 'pattern', message: 'sku: "ab-1" does not match ^[A-Z]{2}-\\d{3}$' },
      { field: 'qty', rule: 'max', message: 'qty: 120 is more than 99' },
      { field: 'qty', rule: 'type', message: 'qty: "many" is not a number' },
      { field: 'note', rule: 'max', message: 'note: "far too long" has more than 5 characters' },
    ]);
    expect(out.error[1].json).toMatchObject({ id: 3, email: 'not-an-email', sku: 'AB-123', qty: 3 });
    expect(out.error[1].json).not.toHaveProperty('note');
  });
});

describe('core.set: params', () => {
  const problems = (params: Record<string, unknown>) => setNode.validate(params).problems.map((p) => `${p.path}: ${p.message}`);

  it('reports an unknown transform kind with its path', () => {
    expect(problems({ fields: [{ name: 'a', value: 1, transforms: [{ kind: 'explode' }] }] })).toEqual([
      'params.fields[0].transforms[0].kind: must be one of "formatDate", "formatNumber", "formatPhone", "normalizeText", "lookup", "concatenate", "split", "calculate", "default"',
    ]);
  });

  it('reports bad patterns, zones, countries and names before any item runs', () => {
    const found = problems({
      fields: [
        { name: 'a', value: 1, validation: { pattern: '([a-z' } },
        { name: 'b', value: 1, transforms: [{ kind: 'formatDate', to: 'iso', zone: 'Mars/Base' }, { kind: 'formatPhone', defaultCountry: 'XX' }] },
        { name: 'user.__proto__.x', value: 1 },
        { name: '{{ $json.key }}', value: 1 },
      ],
    });
    expect(found).toEqual([
      'params.fields[3].name: does not take expressions',
      expect.stringMatching(/^params\.fields\[0\]\.validation\.pattern: a: "\(\[a-z" is not a valid regular expression/),
      'params.fields[1].transforms[0].zone: "Mars/Base" is not a time zone (try Europe/Berlin or UTC)',
      'params.fields[1].transforms[1].defaultCountry: "XX" is not a two-letter country code libphonenumber knows',
      'params.fields[2].name: "__proto__" cannot be used as a field name',
    ]);
  });

  it('requires a currency for the currency style and an operand for arithmetic', () => {
    expect(problems({ fields: [{ name: 'a', transforms: [{ kind: 'formatNumber', style: 'currency' }, { kind: 'calculate', op: 'add' }, { kind: 'calculate', op: 'abs' }] }] })).toEqual([
      'params.fields[0].transforms[0].currency: is required',
      'params.fields[0].transforms[1].operand: is required',
    ]);
  });
});

describe('core.set with an expression that fails on some items', () => {
  it('routes just those items to "error", naming the field', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'city', value: '{{ $json.address.city }}' }] },
      items: [{ id: 1, address: { city: 'Lyon' } }, { id: 2 }],
    });
    expect(out.main.map((i) => i.json)).toEqual([{ id: 1, address: { city: 'Lyon' }, city: 'Lyon' }]);
    expect(out.error).toHaveLength(1);
    expect(out.error[0].json).toMatchObject({ id: 2, error: { field: 'city', rule: 'expression', message: expect.stringMatching(/^city: Cannot read 'city' of undefined/) } });
  });

  it('does the same when the failing item comes first: no item decides for the others', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'city', value: '{{ $json.address.city }}' }, { name: 'tag', value: 'x', transforms: [{ kind: 'normalizeText', case: 'upper' }] }] },
      items: [{ id: 2 }, { id: 1, address: { city: 'Lyon' } }],
    });
    expect(out.main.map((i) => i.json)).toEqual([{ id: 1, address: { city: 'Lyon' }, city: 'Lyon', tag: 'X' }]);
    expect(out.error.map((i) => i.json)).toMatchObject([{ id: 2, error: { field: 'city', rule: 'expression' } }]);
  });

  it('routes an item whose transform setting, read from an expression, is invalid for it', async () => {
    const { outputs: out } = await runNode(setNode, {
      params: { mode: 'replace', fields: [{ name: 'n', value: 10, transforms: [{ kind: 'calculate', op: 'add', operand: '{{ $json.plus }}' }] }] },
      items: [{ plus: 'lots' }, { plus: 5 }],
    });
    expect(out.main.map((i) => i.json)).toEqual([{ n: 15 }]);
    expect(out.error[0].json).toMatchObject({ plus: 'lots', error: { field: 'n', rule: 'expression' } });
  });
});
