/**
 * Autocomplete data for one node's expressions: the nodes upstream of it (from the flow's
 * edges) and the field paths they produced (`expr.paths`, from the last run or pins).
 * Paths are fetched when the node or its upstream changes and again after each run.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldPathInfo, FlowFile } from '../../engine/api';
import { upstreamOf } from '../../engine/flow/walks';
import type { ApiClient } from '../api/client';
import type { ExprContext } from './completions';

/** Direct parents and all ancestors of a node, by name, nearest first. */
export function upstreamNames(flow: FlowFile, nodeId: string): { parents: string[]; upstream: string[] } {
  const nameOf = new Map(flow.nodes.map((n) => [n.id, n.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id)).filter((n): n is string => !!n);
  const { parents, upstream } = upstreamOf(flow, nodeId);
  return { parents: names(parents), upstream: names(upstream) };
}

export function useExprContext(api: ApiClient, flow: FlowFile, nodeId: string): { get(): ExprContext; dataVersion: number } {
  const { parents, upstream } = useMemo(() => upstreamNames(flow, nodeId), [flow.edges, flow.nodes, nodeId]);
  const [fields, setFields] = useState<FieldPathInfo[]>([]);
  const [dataVersion, setDataVersion] = useState(0);
  const flowRef = useRef(flow);
  flowRef.current = flow;
  const upstreamKey = upstream.join('\u0000');

  useEffect(() => api.onEvent((e) => {
    if (e.type === 'run.finished') setDataVersion((v) => v + 1);
  }), [api]);

  useEffect(() => {
    let isStale = false;
    const timer = setTimeout(() => {
      api.call('expr.paths', { flow: flowRef.current, nodeId })
        .then((out) => { if (!isStale) setFields(out.fields); })
        .catch(() => { if (!isStale) setFields([]); }); // no data yet: completion still offers $json, nodes, helpers
    }, 150);
    return () => { isStale = true; clearTimeout(timer); };
  }, [api, nodeId, upstreamKey, dataVersion]);

  const ctx = useRef<ExprContext>({ fields, parentNames: parents, upstreamNames: upstream });
  ctx.current = { fields, parentNames: parents, upstreamNames: upstream };
  const get = useMemo(() => () => ctx.current, []);
  return { get, dataVersion };
}
