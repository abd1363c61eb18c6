// The benchmark flow of bench/README.md: manual → code (makes N items) → set (3 fields by
// expression) → if (amount > 500) → merge (append) → aggregate by country (count, sum).
const node = (id, type, name, x, params = {}) => ({ id, type, version: 1, name, position: { x, y: 0 }, params });
const edge = (id, from, to, fromPort = 'main', toPort = 'main') => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

export function pipelineFlow(n) {
  const make = `const countries = ['DE', 'FR', 'US', 'GB', 'ES'];
const out = new Array(${n});
for (let i = 0; i < ${n}; i++) out[i] = { id: i, name: 'customer ' + i, email: 'user' + i + '@example' + (i % 7) + '.com', amount: (i * 37) % 1000, country: countries[i % 5] };
return out;`;
  return {
    format: 'junction/flow@1', id: `bench_${n}`, name: `Benchmark ${n}`, settings: {}, pinned: {}, notes: [],
    nodes: [
      node('t', 'trigger.manual', 'Manual', 0),
      node('code', 'core.code', 'Make items', 200, { code: make, timeoutMs: 120000, memoryMb: 1000 }),
      node('set', 'core.set', 'Set fields', 400, { fields: [
        { name: 'nameUpper', value: '{{ $json.name.toUpperCase() }}' },
        { name: 'domain', value: "{{ $json.email.split('@')[1] }}" },
        { name: 'gross', value: '{{ $json.amount * 1.2 }}' },
      ] }),
      node('if', 'core.if', 'Amount > 500', 600, { when: { mode: 'rules', combine: 'and', conditions: [{ value1: '{{ $json.amount }}', operator: 'gt', value2: 500 }] } }),
      node('merge', 'core.merge', 'Merge', 800, { mode: 'append' }),
      node('agg', 'core.aggregate', 'By country', 1000, { groupBy: ['country'], aggregations: [{ op: 'count', as: 'orders' }, { op: 'sum', field: 'amount', as: 'amount' }] }),
    ],
    edges: [edge('e1', 't', 'code'), edge('e2', 'code', 'set'), edge('e3', 'set', 'if'), edge('e4', 'if', 'merge', 'true', 'a'), edge('e5', 'if', 'merge', 'false', 'b'), edge('e6', 'merge', 'agg')],
  };
}

export function triggerOnlyFlow() {
  return { format: 'junction/flow@1', id: 'bench_trigger', name: 'Trigger only', settings: {}, pinned: {}, notes: [], nodes: [node('t', 'trigger.manual', 'Manual', 0)], edges: [] };
}

/** A manual trigger followed by `count` no-op nodes in a chain. */
export function noopChain(count) {
  const nodes = [node('t', 'trigger.manual', 'Manual', 0)];
  const edges = [];
  for (let i = 1; i <= count; i++) {
    nodes.push(node(`n${i}`, 'core.noop', `No-op ${i}`, i * 200));
    edges.push(edge(`e${i}`, i === 1 ? 't' : `n${i - 1}`, `n${i}`));
  }
  return { format: 'junction/flow@1', id: `bench_chain_${count}`, name: `Chain ${count}`, settings: {}, pinned: {}, notes: [], nodes, edges };
}
