import { describe, expect, it } from 'vitest';
import { applyStatic, parseHeaderLines, secretValues } from './apply';

const req = (url = 'https://api.example.com/v1/items?page=2') => ({ url: new URL(url), headers: {} as Record<string, string> });

describe('signing a request with a fixed secret', () => {
  it('API key in a header, a query parameter or a cookie', () => {
    const h = req(); applyStatic('apiKey', { in: 'header', name: 'X-API-Key' }, { value: 'k-123' }, h);
    expect(h.headers).toEqual({ 'x-api-key': 'k-123' });
    const q = req(); applyStatic('apiKey', { in: 'query', name: 'api_key' }, { value: 'k 1&2' }, q);
    expect(q.url.search).toBe('?page=2&api_key=k+1%262');
    const c = req(); c.headers.cookie = 'theme=dark'; applyStatic('apiKey', { in: 'cookie', name: 'session' }, { value: 'abc' }, c);
    expect(c.headers.cookie).toBe('theme=dark; session=abc');
  });

  it('basic, bearer and custom headers; the wire forms are listed for redaction', () => {
    const b = req(); applyStatic('basic', { user: 'ann' }, { password: 'pä55word' }, b);
    expect(b.headers.authorization).toBe(`Basic ${Buffer.from('ann:pä55word').toString('base64')}`);
    expect(secretValues('basic', { user: 'ann' }, { password: 'pä55word' })).toEqual(['pä55word', Buffer.from('ann:pä55word').toString('base64')]);
    const t = req(); applyStatic('bearer', {}, { token: 'tok-9' }, t);
    expect(t.headers.authorization).toBe('Bearer tok-9');
    const x = req(); applyStatic('headers', {}, { headers: 'X-Tenant: acme\nX-Signature:  s1gn3d \n' }, x);
    expect(x.headers).toEqual({ 'x-tenant': 'acme', 'x-signature': 's1gn3d' });
    expect(() => parseHeaderLines('no colon here')).toThrow('Headers, line 1: write "Name: value".');
    expect(() => applyStatic('database', {}, {}, req())).toThrow(/does not sign HTTP requests/);
  });
});
