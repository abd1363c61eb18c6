import { useCatalog } from '../state/catalog-store';
import type { EditorStore } from '../state/editor-store';

/** Wires `from`'s output (`port`, or its first) to `to`'s first input, when both exist and the rules allow it. */
export function connectNext(store: EditorStore, from: string, to: string, port?: string): void {
  const s = store.getState();
  const { byType } = useCatalog.getState();
  const typeOf = (id: string) => byType.get(s.flow.nodes.find((n) => n.id === id)?.type ?? '');
  const out = port ?? s.ports[from]?.outputs[0] ?? typeOf(from)?.outputs[0];
  const input = typeOf(to)?.inputs[0];
  if (out && input) s.connect({ node: from, port: out }, { node: to, port: input });
}
