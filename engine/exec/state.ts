import type { NodeState } from '../sdk';

/** Where node state lives between runs (the run store, or memory in tests). */
export interface StateStore {
  load(flowId: string, nodeId: string): Record<string, unknown>;
  commit(flowId: string, changes: Record<string, Record<string, unknown>>): void;
}

export function memoryStateStore(): StateStore {
  const data = new Map<string, Record<string, unknown>>();
  return {
    load: (flowId, nodeId) => structuredClone(data.get(`${flowId}/${nodeId}`) ?? {}),
    commit: (flowId, changes) => { for (const [nodeId, v] of Object.entries(changes)) data.set(`${flowId}/${nodeId}`, structuredClone(v)); },
  };
}

/** Staged state for one run: nodes read and write a copy; `changes()` is committed only if the run succeeds. */
export function stagedState(store: StateStore, flowId: string) {
  const staged = new Map<string, Record<string, unknown>>();
  const dirty = new Set<string>();
  const load = (nodeId: string) => {
    let s = staged.get(nodeId);
    if (!s) { s = store.load(flowId, nodeId); staged.set(nodeId, s); }
    return s;
  };
  return {
    snapshot: (nodeId: string): Record<string, unknown> => load(nodeId),
    forNode(nodeId: string): NodeState {
      return {
        get: <T>(key: string) => load(nodeId)[key] as T | undefined,
        set: (key, value) => {
          if (value !== undefined && JSON.stringify(value) === undefined) throw new Error(`state "${key}" must be JSON data`);
          load(nodeId)[key] = structuredClone(value); dirty.add(nodeId);
        },
        delete: (key) => { delete load(nodeId)[key]; dirty.add(nodeId); },
      };
    },
    commit() {
      if (!dirty.size) return;
      store.commit(flowId, Object.fromEntries([...dirty].map((id) => [id, staged.get(id)!])));
    },
  };
}
