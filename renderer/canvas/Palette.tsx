import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { NodeDescription } from '../../engine/api';
import { CATEGORY_LABEL, CATEGORY_ORDER, Icon } from '../app/icons';
import { NodeIcon } from '../app/node-icons';
import { useCatalog } from '../state/catalog-store';
import { usePortAdd } from './port-add';
import { NODE_DRAG_TYPE, NOTE_TYPE } from './viewport';

const NOTE_ENTRY: Entry = { type: NOTE_TYPE, title: 'Sticky note', category: 'annotation', icon: 'sticky-note', description: 'A note on the canvas; not part of the run.' };
type Entry = Pick<NodeDescription, 'type' | 'title' | 'description' | 'icon'> & { category: string };

// Editor-only annotation types (a sticky-note node) duplicate the canvas's own notes (flow.notes).
// Placeholders only come from imports: nobody adds one by hand.
const isOffered = (n: NodeDescription) => !(n.isEditorOnly && n.category === 'annotation') && n.type !== 'import.placeholder';

const matches = (e: Entry, q: string) => !q || `${e.title} ${e.type} ${e.description}`.toLowerCase().includes(q);

/** Moves focus between palette entries with the arrow keys; Home/End jump. */
function moveFocus(e: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const items = [...list.querySelectorAll<HTMLButtonElement>('.palette-entry')];
  const i = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : e.key === 'ArrowDown' ? Math.min(i + 1, items.length - 1) : Math.max(i - 1, 0);
  items[next]?.focus();
  e.preventDefault();
}

/** The searchable node palette: drag an entry onto the canvas, or press Enter to add it at the centre. */
export function Palette({ onAdd }: { onAdd(type: string): void }) {
  const { nodes, status, error } = useCatalog();
  const [query, setQuery] = useState('');
  const { from, clear } = usePortAdd();
  const listRef = useRef<HTMLDivElement>(null);
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => {
    const entries: Entry[] = [...nodes.filter(isOffered), NOTE_ENTRY].filter((e) => matches(e, q));
    const cats = [...new Set([...CATEGORY_ORDER, ...entries.map((e) => e.category)])];
    return cats.map((c) => ({ category: c, entries: entries.filter((e) => e.category === c) })).filter((g) => g.entries.length);
  }, [nodes, q]);

  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(NODE_DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="palette" aria-label="Node palette">
      <div className="palette-search">
        <Icon name="search" />
        <input className="input" type="search" placeholder="Search nodes" aria-label="Search nodes" value={query} data-testid="palette-search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); listRef.current?.querySelector<HTMLButtonElement>('.palette-entry')?.focus(); }
            if (e.key === 'Enter' && groups[0]) onAdd(groups[0].entries[0].type);
            if (e.key === 'Escape') { setQuery(''); clear(); }
          }} />
      </div>
      {from && (
        <p className="palette-after" role="status" data-testid="palette-after">
          Adding after {from.label}: pick a node
          <button type="button" className="btn btn-ghost btn-sm" onClick={clear}>Cancel</button>
        </p>
      )}
      <div className="palette-list" ref={listRef} onKeyDown={(e) => moveFocus(e, listRef.current)}>
        {status === 'loading' && Array.from({ length: 8 }, (_, i) => <div key={i} className="skeleton palette-skeleton" />)}
        {status === 'error' && <div className="error-box">Could not load the node catalog: {error}</div>}
        {status === 'ready' && !groups.length && <p className="palette-none muted">No node matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.category} className="palette-group" aria-label={CATEGORY_LABEL[g.category] ?? g.category}>
            <h3 className="palette-heading">{CATEGORY_LABEL[g.category] ?? g.category}</h3>
            {g.entries.map((entry) => (
              <button key={entry.type} type="button" className="palette-entry" draggable data-testid={entry.type === NOTE_TYPE ? 'palette-note' : `palette-${entry.type}`}
                data-category={entry.category} title={entry.description}
                onDragStart={(e) => onDragStart(e, entry.type)} onClick={() => onAdd(entry.type)}>
                <span className="node-glyph"><NodeIcon icon={entry.icon} category={entry.category} /></span>
                <span className="palette-text">
                  <span className="palette-title">{entry.title}</span>
                  <span className="palette-desc">{entry.description}</span>
                </span>
              </button>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}
