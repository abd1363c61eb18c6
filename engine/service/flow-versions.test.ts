import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { isJunctionError } from '../sdk/errors';
import { VERSIONS_KEPT } from './flow-versions';
import { tempService, type TempService } from './testing';

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes); });
afterEach(async () => { await svc.dispose(); });

const h = () => svc.handlers;
const withNodes = (n: number) => buildFlow(
  Array.from({ length: n }, (_, i) => ({ type: 'test.double', name: `Step ${i + 1}` })), [], { id: 'f_hist', name: 'History' },
);

describe('flow versions', () => {
  it('keeps each saved version, starting with the file as it was before the first save', async () => {
    await h()['flows.save']({ flow: withNodes(3) });
    await h()['flows.save']({ flow: withNodes(2) });
    await h()['flows.save']({ flow: withNodes(0) });
    const versions = await h()['flows.versions']({ id: 'f_hist' });
    expect(versions.map((v) => v.nodeCount)).toEqual([0, 2, 3]);
    expect(versions[0].name).toBe('History');
    // The version before everything was deleted comes back whole.
    const { flow } = await h()['flows.version']({ id: 'f_hist', versionId: versions[2].id });
    expect(flow.nodes.map((n) => n.name)).toEqual(['Step 1', 'Step 2', 'Step 3']);
  });

  it('records an unchanged save once and keeps only the newest versions', async () => {
    await h()['flows.save']({ flow: withNodes(1) });
    await h()['flows.save']({ flow: withNodes(1) });
    expect(await h()['flows.versions']({ id: 'f_hist' })).toHaveLength(1);
    for (let i = 2; i <= VERSIONS_KEPT + 5; i++) await h()['flows.save']({ flow: withNodes(i) });
    const versions = await h()['flows.versions']({ id: 'f_hist' });
    expect(versions).toHaveLength(VERSIONS_KEPT);
    expect(versions[0].nodeCount).toBe(VERSIONS_KEPT + 5);
    expect(versions[VERSIONS_KEPT - 1].nodeCount).toBe(6);
  });

  it('names an unknown version in a clear error', async () => {
    await h()['flows.save']({ flow: withNodes(1) });
    const e = await h()['flows.version']({ id: 'f_hist', versionId: '../../etc/passwd' }).catch((x: unknown) => x);
    expect(isJunctionError(e) && e.code).toBe('flow.version-not-found');
    expect(await h()['flows.versions']({ id: 'f_none' })).toEqual([]);
  });
});
