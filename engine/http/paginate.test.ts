import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../test/http-server/server';
import { virtualClock } from '../exec/clock';
import { createHttpClient } from './client';
import { nextLink } from './paginate';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const http = createHttpClient({ signal: new AbortController().signal, clock: virtualClock() });
const RECORDS = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
const ids = (items: unknown[]) => items.map((x) => (x as { id: number }).id);
const query = (url: string | undefined) => new URL(url ?? '/', 'http://x').searchParams;

describe('pagination', () => {
  it('follows a cursor in the body, sent back as a query parameter', async () => {
    server.route('/cursor', (req, res) => {
      const after = Number(query(req.url).get('after') ?? 0);
      const page = RECORDS.slice(after, after + 3);
      json(res, 200, { results: page, paging: after + 3 < RECORDS.length ? { next: { after: String(after + 3) } } : {} });
    });
    const r = await http.paginate({ url: `${server.origin}/cursor` }, { style: 'cursor', next: 'paging.next.after', send: 'query.after', items: 'results' });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.pages).toBe(3);
    expect(r.exchanges).toHaveLength(3);
  });

  it('pages a GraphQL connection by sending the cursor in the body variables', async () => {
    server.route('/graphql', (req, res) => {
      const { variables } = JSON.parse(req.body.toString()) as { variables: { after?: string } };
      const start = variables.after ? Number(variables.after) : 0;
      json(res, 200, { data: { users: { nodes: RECORDS.slice(start, start + 4), pageInfo: { endCursor: start + 4 < RECORDS.length ? String(start + 4) : null } } } });
    });
    const r = await http.paginate({ method: 'POST', url: `${server.origin}/graphql`, body: { type: 'json', value: { query: '{ users { nodes { id } } }', variables: { first: 4 } } } },
      { style: 'cursor', next: 'data.users.pageInfo.endCursor', send: 'body.variables.after', items: 'data.users.nodes' });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(JSON.parse(server.seen.at(-1)!.body.toString()).variables).toEqual({ first: 4, after: '4' });
  });

  it('walks offset and limit until a short page', async () => {
    server.route('/offset', (req, res) => {
      const q = query(req.url);
      json(res, 200, RECORDS.slice(Number(q.get('offset')), Number(q.get('offset')) + Number(q.get('limit'))));
    });
    const r = await http.paginate({ url: `${server.origin}/offset` }, { style: 'offset', limit: 3 });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.pages).toBe(3);
  });

  it('counts page numbers until an empty page', async () => {
    server.route('/pages', (req, res) => {
      const page = Number(query(req.url).get('p'));
      json(res, 200, { data: RECORDS.slice((page - 1) * 2, page * 2) });
    });
    const r = await http.paginate({ url: `${server.origin}/pages` }, { style: 'page', param: 'p', items: 'data' });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.pages).toBe(5);
  });

  it('follows the Link header rel="next"', async () => {
    server.route('/linked', (req, res) => {
      const page = Number(query(req.url).get('page') ?? 1);
      const link = page < 3 ? `</linked?page=${page + 1}>; rel="next", </linked?page=3>; rel="last"` : '</linked?page=1>; rel="first"';
      json(res, 200, RECORDS.slice((page - 1) * 3, page * 3), { link });
    });
    const r = await http.paginate({ url: `${server.origin}/linked` }, { style: 'link' });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('follows a next URL in the body', async () => {
    server.route('/next', (req, res) => {
      const page = Number(query(req.url).get('page') ?? 1);
      json(res, 200, { items: RECORDS.slice((page - 1) * 4, page * 4), next: page < 2 ? `${server.origin}/next?page=${page + 1}` : null });
    });
    const r = await http.paginate({ url: `${server.origin}/next` }, { style: 'nextUrl', next: 'next', items: 'items' });
    expect(ids(r.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops at maxPages and says the result is truncated', async () => {
    server.route('/endless', (req, res) => {
      const page = Number(query(req.url).get('page') ?? 1);
      json(res, 200, [{ id: page }], { link: `</endless?page=${page + 1}>; rel="next"` });
    });
    const r = await http.paginate({ url: `${server.origin}/endless` }, { style: 'link', maxPages: 4 });
    expect(ids(r.items)).toEqual([1, 2, 3, 4]);
    expect(r.truncated).toBe(true);
  });

  it('stops with an error when the API repeats a cursor', async () => {
    server.route('/stuck', (_req, res) => json(res, 200, { items: [{ id: 1 }], next: 'same' }));
    await expect(http.paginate({ url: `${server.origin}/stuck` }, { style: 'cursor', next: 'next', send: 'query.c', items: 'items' }))
      .rejects.toThrow(/page 3 would repeat an earlier request/);
  });

  it('reads rel="next" among several relations', () => {
    expect(nextLink('<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next last"', 'https://a/')).toBe('https://a/x?page=3');
    expect(nextLink('<https://a/x?page=1>; rel="prev"', 'https://a/')).toBeUndefined();
  });
});
