import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junction } from '../cli/run-cli';
import { CORPUS } from './corpus-files';
import { n8nWorkflow } from './run-imported';

const STACK = /\n\s+at .+:\d+:\d+/;
const tmp = mkdtempSync(join(tmpdir(), 'junction-import-'));
const write = (name: string, text: string) => { const f = join(tmp, name); writeFileSync(f, text); return f; };

describe('junction import', () => {
  it('writes a flow file and prints what each node became, the notes and the connections', () => {
    const out = mkdtempSync(join(tmpdir(), 'junction-import-out-'));
    const doc = JSON.parse(n8nWorkflow([
      { name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
      { name: 'Tweet', type: 'n8n-nodes-base.twitter', credentials: { twitterOAuth1Api: { id: '3', name: 'My Twitter' } } },
    ], ['Start -> Tweet']));
    doc.name = 'Post news';
    const r = junction(['import', write('news.json', JSON.stringify(doc)), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['post-news.flow.json']);
    const flow = JSON.parse(readFileSync(join(out, 'post-news.flow.json'), 'utf8'));
    expect(flow.nodes.map((n: { type: string }) => n.type)).toEqual(['trigger.manual', 'import.placeholder']);
    expect(r.stdout).toContain('Start [n8n-nodes-base.manualTrigger] → trigger.manual');
    expect(r.stdout).toContain('Tweet [n8n-nodes-base.twitter] → placeholder');
    expect(r.stdout).toMatch(/warning +\$\.nodes\[1\]: "Tweet" became a placeholder/);
    expect(r.stdout).toContain('My Twitter (kind n8n:twitterOAuth1Api, id n8n-3)');
    // A second import of the same file never overwrites the first.
    expect(junction(['import', join(tmp, 'news.json'), '-o', out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['post-news-2.flow.json', 'post-news.flow.json']);
  });

  it('prints the report as JSON with --json', () => {
    const out = mkdtempSync(join(tmpdir(), 'junction-import-out-'));
    const r = junction(['import', write('one.json', n8nWorkflow([{ name: 'Start', type: 'n8n-nodes-base.start' }], [])), '-o', out, '--json', '--from', 'n8n']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({ source: 'n8n', flows: [{ nodes: [{ sourceName: 'Start', junctionType: 'trigger.manual', outcome: 'mapped' }], notes: [] }] });
  });

  it('exits 1 with one sentence when nothing could be imported', () => {
    const r = junction(['import', write('notes.txt', 'just some notes'), '-o', tmp]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/notes\.txt: This is not an n8n workflow or a Node-RED export: it is not JSON\./);
    expect(r.stderr).not.toMatch(STACK);
    const missing = junction(['import', join(tmp, 'nope.json'), '-o', tmp]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json cannot be read \(ENOENT\)/);
  });

  it('imports the whole n8n corpus in one call', () => {
    const dir = join(CORPUS, 'n8n');
    let files: string[];
    try { files = readdirSync(dir).map((f) => join(dir, f)); } catch { return; }
    const out = mkdtempSync(join(tmpdir(), 'junction-import-corpus-'));
    const r = junction(['import', ...files, '-o', out, '--json']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(files.length);
  });
});
