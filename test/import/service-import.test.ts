import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempService, type TempService } from '../../engine/service/testing';
import { n8nWorkflow } from './run-imported';

let svc: TempService | undefined;
afterEach(async () => { await svc?.dispose(); svc = undefined; });

describe('flows.importForeign', () => {
  it('saves an n8n workflow as an untrusted flow in the workspace and returns the report', async () => {
    svc = tempService();
    const doc = JSON.parse(n8nWorkflow([
      { name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
      { name: 'Ping', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url: 'https://example.com' }, credentials: { httpBasicAuth: { id: '9', name: 'Ops' } } },
    ], ['Start -> Ping']));
    doc.name = 'Ping example';
    const out = await svc.handlers['flows.importForeign']({ text: JSON.stringify(doc), fileName: 'ping.json' });
    expect(out.source).toBe('n8n');
    const [flow] = out.flows;
    expect(flow.flow.name).toBe('Ping example');
    expect(flow.problems).toEqual([]);
    expect(flow.nodes.map((n) => [n.sourceName, n.junctionType, n.outcome])).toEqual([['Start', 'trigger.manual', 'mapped'], ['Ping', 'http.request', 'mapped']]);
    expect(flow.connections).toEqual([{ id: 'n8n-9', type: 'basic', name: 'Ops', exists: false }]);
    expect(readdirSync(join(svc.workspace, 'flows'))).toEqual(['ping-example.flow.json']);
    const listed = await svc.handlers['flows.list']({});
    expect(listed[0]).toMatchObject({ name: 'Ping example', trusted: false });
  });

  it('answers bad input with the importer\'s sentence', async () => {
    svc = tempService();
    await expect(svc.handlers['flows.importForeign']({ text: 'not json at all' })).rejects.toThrow('This is not an n8n workflow or a Node-RED export: it is not JSON.');
  });
});
