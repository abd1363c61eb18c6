/**
 * Column pickers for the database nodes: reads the database's tables and columns (db.schema)
 * once the node has its connection (or SQLite file), and offers table names in the table field
 * and the chosen table's columns in every column field, each with its type and key mark.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DatabaseSchema, FlowFile } from '../../engine/api';
import type { ApiClient } from '../api/client';

type FlowNode = FlowFile['nodes'][number];

/** One offered value and what it says beside it. */
export interface Suggestion { value: string; label?: string }

const DB_TYPE = /^(postgres|mysql|sqlite)\.(query|changes)$/;
const COLUMN_FIELD = /^(keyColumns\.\d+|columns\.\d+|where\.\d+\.column|orderBy\.\d+\.column|mapping\.columns\.\d+\.column|cursorColumn|tiebreakColumn)$/;
const WAIT_MS = 400; // a file path typed letter by letter asks once, after the typing stops

const text = (v: unknown) => (typeof v === 'string' && !v.includes('{{') ? v.trim() : '');

export function useDbColumns(api: ApiClient, node: FlowNode): { suggestionsFor(path: string): Suggestion[]; error?: string } {
  const isDb = DB_TYPE.test(node.type);
  const connectionId = node.credentials?.db?.id;
  const path = text(node.params.path);
  const schema = text(node.params.schema);
  const key = isDb && (connectionId || path) ? JSON.stringify([node.type, connectionId, path, schema]) : '';
  const [state, setState] = useState<{ key: string; schema?: DatabaseSchema; error?: string }>({ key: '' });
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      api.call('db.schema', { nodeType: node.type, ...(connectionId ? { connectionId } : {}), ...(path ? { path } : {}), ...(schema ? { schema } : {}) })
        .then((s) => { if (isCurrent) setState({ key, schema: s }); }, (e: Error) => { if (isCurrent) setState({ key, error: e.message }); });
    }, WAIT_MS);
    return () => { isCurrent = false; clearTimeout(timer); };
    // key holds every input of the request
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const table = text(node.params.table);
  return useMemo(() => {
    const current = state.key === key ? state : undefined;
    const tables = current?.schema?.tables ?? [];
    const columns = tables.find((t) => t.name === table)?.columns ?? [];
    return {
      error: current?.error,
      suggestionsFor(fieldPath: string): Suggestion[] {
        if (fieldPath === 'table') return tables.map((t) => ({ value: t.name, label: `${t.columns.length} columns` }));
        if (COLUMN_FIELD.test(fieldPath)) return columns.map((c) => ({ value: c.name, label: `${c.type}${c.isKey ? ' · key' : ''}${c.nullable ? '' : ' · required'}` }));
        return [];
      },
    };
  }, [state, key, table]);
}
