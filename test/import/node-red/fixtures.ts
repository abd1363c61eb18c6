/** Small hand-written Node-RED exports for cases the corpus lacks; shapes as the editor exports them. */
type N = Record<string, unknown>;

export const tab = (id = 't1', label = 'Flow 1'): N => ({ id, type: 'tab', label, disabled: false, info: '' });

export const inject = (id: string, wires: string[], payload: string, payloadType = 'json', z = 't1'): N => ({
  id, type: 'inject', z, name: '', props: [{ p: 'payload' }, { p: 'topic', vt: 'str' }], repeat: '', crontab: '', once: false,
  topic: 't', payload, payloadType, x: 100, y: 100, wires: [wires],
});

export const fn = (id: string, func: string, wires: string[][], z = 't1'): N => ({ id, type: 'function', z, name: '', func, outputs: wires.length, x: 300, y: 100, wires });

export const change = (id: string, rules: N[], wires: string[], z = 't1'): N => ({ id, type: 'change', z, name: '', rules, x: 300, y: 200, wires: [wires] });

export const debug = (id: string, z = 't1'): N => ({ id, type: 'debug', z, name: '', active: true, x: 500, y: 100, wires: [] });

export const text = (nodes: N[]) => JSON.stringify(nodes);
