/**
 * The live value of an expression for the node's first input item (`expr.preview`), debounced
 * so typing does not flood the engine, and ignoring answers that arrive after newer ones.
 */
import { useEffect, useRef, useState } from 'react';
import { isExpression } from '../../engine/sdk/schema';
import { useInspectorEnv } from './inspector-env';

export type PreviewState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'value'; value: unknown }
  | { state: 'error'; message: string }
  | { state: 'no-data' };

const DEBOUNCE_MS = 300;

export function useExprPreview(expression: string): PreviewState {
  const env = useInspectorEnv();
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const flowRef = useRef(env.flow);
  flowRef.current = env.flow;
  const seq = useRef(0);

  useEffect(() => {
    if (!isExpression(expression)) { setPreview({ state: 'idle' }); return; }
    const mine = ++seq.current;
    setPreview((p) => (p.state === 'idle' ? { state: 'loading' } : p));
    const timer = setTimeout(() => {
      env.api.call('expr.preview', { flow: flowRef.current, nodeId: env.nodeId, expression })
        .then((out) => {
          if (mine !== seq.current) return;
          if (!out.hasData) setPreview({ state: 'no-data' });
          else if (out.error) setPreview({ state: 'error', message: out.error.message });
          else setPreview({ state: 'value', value: out.value });
        })
        .catch((e: unknown) => { if (mine === seq.current) setPreview({ state: 'error', message: e instanceof Error ? e.message : String(e) }); });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [expression, env.api, env.nodeId, env.dataVersion]);

  return preview;
}

/** A preview value as one short text: text as it is, anything else as compact JSON. */
export function previewText(value: unknown, max = 400): { text: string; isMuted: boolean } {
  if (value === undefined) return { text: 'undefined', isMuted: true };
  if (value === '') return { text: '(empty text)', isMuted: true };
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return { text: text.length > max ? `${text.slice(0, max)}…` : text, isMuted: false };
}
