import { describe, expect, it } from 'vitest';
import { curlParamsOf, parseCurl, toCurl, withCurl, type CurlParams } from './curl';

describe('parseCurl', () => {
  it('reads what a browser copies: $-quotes, headers, JSON body, compressed', () => {
    const { params, notes } = parseCurl(`curl 'https://api.example.com/v1/users?page=2&sort=name' \\
  -H 'accept: application/json' \\
  -H 'authorization: Bearer sk_live_secret_123' \\
  -H 'content-type: application/json' \\
  --data-raw $'{"name":"O\\'Brien","tags":["a"]}' \\
  --compressed`);
    expect(params).toEqual({
      method: 'POST', url: 'https://api.example.com/v1/users', query: { page: '2', sort: 'name' },
      headers: { accept: 'application/json' }, bodyType: 'json', json: { name: "O'Brien", tags: ['a'] },
    });
    expect(notes).toEqual(['the authorization header holds a secret and was left out: put it in a connection']);
    expect(JSON.stringify(params)).not.toContain('sk_live');
  });

  it('reads forms, -G, joined short flags and attached values', () => {
    expect(parseCurl(`curl -sSL -XPUT https://x.test/a -d a=1 -d b=two%20words`).params).toMatchObject({ method: 'PUT', bodyType: 'form', form: { a: '1', b: 'two words' }, followRedirects: true });
    expect(parseCurl(`curl -G https://x.test/search --data-urlencode 'q=a b&c' -d limit=5`).params).toMatchObject({ method: 'GET', bodyType: 'none', query: { q: 'a b&c', limit: '5' } });
    expect(parseCurl(`curl --request=DELETE --url=https://x.test/a/1 --max-time 2.5`).params).toMatchObject({ method: 'DELETE', url: 'https://x.test/a/1', timeoutMs: 2500 });
    expect(parseCurl(`curl -I x.test`).params).toMatchObject({ method: 'HEAD', url: 'http://x.test/' });
  });

  it('reads multipart parts and says which files to attach', () => {
    const { params, notes } = parseCurl(`curl https://x.test/upload -F note=hello -F 'file=@/tmp/photo.png;type=image/png' -u me:pw`);
    expect(params.bodyType).toBe('multipart');
    expect(params.multipart).toEqual([{ name: 'note', value: 'hello' }, { name: 'file', value: '', fileName: 'photo.png', contentType: 'image/png' }]);
    expect(notes).toEqual([
      'the form part "file" is the file /tmp/photo.png: give it the file\'s content',
      'the user and password (-u) were left out: put them in a Basic auth connection',
    ]);
  });

  it('keeps a body it cannot read as raw text with its type', () => {
    expect(parseCurl(`curl https://x.test -H 'Content-Type: text/xml' -d '<a>1</a>'`).params).toMatchObject({ bodyType: 'raw', raw: '<a>1</a>', contentType: 'text/xml', headers: {} });
  });

  it('names what is wrong with a bad command', () => {
    expect(() => parseCurl('wget https://x')).toThrow('paste a command that starts with curl');
    expect(() => parseCurl('curl -X')).toThrow('-X needs a value');
    expect(() => parseCurl("curl 'https://x")).toThrow('unclosed single quote');
    expect(() => parseCurl('curl -s')).toThrow('the curl command has no URL');
  });
});

describe('toCurl', () => {
  const cases: CurlParams[] = [
    { method: 'GET', url: 'https://api.example.com/v1/items', query: { q: "it's & more", page: '2' }, headers: { Accept: 'application/json' }, bodyType: 'none' },
    { method: 'POST', url: 'https://api.example.com/v1/items', query: {}, headers: {}, bodyType: 'json', json: { a: [1, { b: 'x y' }], quote: "O'Brien" } },
    { method: 'PATCH', url: 'https://api.example.com/v1/items/1', query: {}, headers: {}, bodyType: 'form', form: { name: 'a b', n: '1' } },
    { method: 'PUT', url: 'https://api.example.com/raw', query: {}, headers: {}, bodyType: 'raw', raw: 'line 1\nline -H 2', contentType: 'text/plain' },
    { method: 'POST', url: 'https://api.example.com/up', query: {}, headers: {}, bodyType: 'multipart', multipart: [{ name: 'note', value: 'hi; there' }, { name: 'f', value: '', fileName: 'a.png', contentType: 'image/png' }] },
    { method: 'DELETE', url: 'https://api.example.com/x', query: {}, headers: {}, bodyType: 'none', followRedirects: true, timeoutMs: 1500 },
  ];
  it.each(cases)('round-trips $method $bodyType through curl', (params) => {
    expect(parseCurl(toCurl(params)).params).toEqual(params);
  });

  it('leaves secrets as placeholders', () => {
    const text = toCurl({ method: 'GET', url: 'https://x.test/', query: {}, headers: { 'X-Api-Key': 'k_live_123456' }, bodyType: 'none' }, { header: 'Authorization', placeholder: 'Bearer <token>' });
    expect(text).toBe(`curl https://x.test/ \\\n  -H 'X-Api-Key: <secret>' \\\n  -H 'Authorization: Bearer <token>'`);
  });
});

describe('node params and curl', () => {
  it('imports over the request fields and keeps paging and the rest', () => {
    const current = { url: 'https://old', bodyType: 'graphql', graphqlQuery: '{ a }', pagination: { style: 'link' }, maxPages: 5 };
    expect(withCurl(current, parseCurl('curl https://new.test/x').params)).toEqual({
      pagination: { style: 'link' }, maxPages: 5, method: 'GET', url: 'https://new.test/x', query: {}, headers: {}, bodyType: 'none',
    });
  });

  it('copies a GraphQL node as its JSON body', () => {
    const text = toCurl(curlParamsOf({ method: 'POST', url: 'https://x.test/graphql', bodyType: 'graphql', graphqlQuery: 'query { a }', graphqlVariables: { n: 1 } }));
    expect(parseCurl(text).params).toMatchObject({ method: 'POST', bodyType: 'json', json: { query: 'query { a }', variables: { n: 1 } } });
  });
});
