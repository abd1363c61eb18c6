import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { plural } from '../app/format';
import { Icon } from '../app/icons';
import { useCatalog } from '../state/catalog-store';
import { useEditor } from '../state/use-editor';
import { describeProblems } from './problem-text';

/** The problem count in the top bar; opens a list where each entry jumps to its node. */
export function ProblemsButton() {
  const { problems, checkedFlow, select } = useEditor(useShallow((s) => ({ problems: s.problems, checkedFlow: s.checkedFlow, select: s.select })));
  const catalog = useCatalog((s) => s.byType);
  const rf = useReactFlow();
  const [isOpen, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [isOpen]);
  if (!problems.length) return <span className="topbar-ok" data-testid="problem-count" data-count="0"><Icon name="check" /> No problems</span>;
  const lines = describeProblems(checkedFlow, problems, catalog);
  const jump = (nodeId?: string) => {
    setOpen(false);
    if (!nodeId) return;
    select([nodeId]);
    void rf.fitView({ nodes: [{ id: nodeId }], duration: 250, maxZoom: 1.2, padding: 0.6 });
  };
  return (
    <div className="problems" ref={ref}>
      <button type="button" className="btn btn-sm problems-btn" data-testid="problem-count" data-count={problems.length}
        aria-expanded={isOpen} aria-haspopup="true" onClick={() => setOpen(!isOpen)}>
        <Icon name="warn" /> {plural(problems.length, 'problem')}
      </button>
      {isOpen && (
        <ul className="menu problems-menu" role="menu" aria-label="Problems" data-own-keys
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [...(e.currentTarget.querySelectorAll<HTMLButtonElement>('.menu-item'))];
              const i = items.indexOf(document.activeElement as HTMLButtonElement);
              items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
            }
          }}>
          {lines.map((l, i) => (
            <li key={l.key} role="none">
              <button type="button" role="menuitem" className="menu-item problem-item" autoFocus={i === 0} onClick={() => jump(l.nodeId)}>
                <span className="problem-where">{l.where}</span>
                <span className="problem-msg">{l.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
