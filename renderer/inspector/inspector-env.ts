/**
 * What every field of one inspector shares: the API, the flow being edited, the expression
 * completion context and the placed problems. Handed down through context so field
 * components stay small and a list nested three levels deep needs no extra props.
 */
import { createContext, useContext } from 'react';
import type { FlowFile, Problem } from '../../engine/api';
import type { ApiClient } from '../api/client';
import type { ExprContext } from './completions';

export interface InspectorEnv {
  api: ApiClient;
  flow: FlowFile;
  nodeId: string;
  /** Prefix for element ids, unique per node. */
  idPrefix: string;
  /** Completion data; a getter so Monaco's provider always reads the latest. */
  exprContext(): ExprContext;
  /** Bumps when a run finishes, so previews refresh. */
  dataVersion: number;
  problemsAt(path: string): Problem[];
  /** Values a text field may offer besides upstream field paths (a database node's tables and columns). */
  suggestionsFor?(path: string): { value: string; label?: string }[];
}

export const InspectorEnvContext = createContext<InspectorEnv | null>(null);

export function useInspectorEnv(): InspectorEnv {
  const env = useContext(InspectorEnvContext);
  if (!env) throw new Error('Inspector fields render inside <Inspector>');
  return env;
}

/** A DOM id for a form path. */
export const fieldId = (env: Pick<InspectorEnv, 'idPrefix'>, path: string): string =>
  `${env.idPrefix}-${path.replace(/[^\w-]/g, '_') || 'root'}`;
