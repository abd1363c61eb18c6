/** A list of the `of` field: add, remove and reorder rows; each row is a full field of its own. */
import { useRef } from 'react';
import { initialValue, joinPath, moveItem } from '../form-model';
import { Field } from './Field';
import type { ControlProps } from './types';

export function ListControl({ id, path, spec, label, value, onChange, describedBy }: ControlProps) {
  const list = Array.isArray(value) ? value : [];
  // Stable row keys, so a row's local state (a draft, an open editor) moves with it on reorder.
  const keys = useRef<number[]>([]);
  const next = useRef(0);
  while (keys.current.length < list.length) keys.current.push(next.current++);
  keys.current.length = list.length;

  const of = spec.of!;
  const isCompact = of.kind !== 'object' && of.kind !== 'variant' && of.kind !== 'list';
  const set = (items: unknown[]) => onChange(items);
  const move = (from: number, to: number) => {
    keys.current = moveItem(keys.current, from, to);
    set(moveItem(list, from, to));
  };
  const remove = (i: number) => {
    keys.current = keys.current.filter((_, j) => j !== i);
    set(list.filter((_, j) => j !== i));
  };
  const isFull = spec.max !== undefined && list.length >= spec.max;

  return (
    <div className={`insp-list${isCompact ? ' is-compact' : ''}`} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      {list.length === 0 && <div className="insp-empty">No entries.</div>}
      <ol className="insp-list-rows">
        {list.map((item, i) => {
          const itemLabel = `${label} ${i + 1}`;
          return (
            <li key={keys.current[i]} className="insp-list-row">
              <Field path={joinPath(path, i)} spec={of} label={`#${i + 1}`} value={item}
                onChange={(v) => set(list.map((x, j) => (j === i ? v : x)))}
                actions={
                  <span className="insp-row-actions">
                    <button type="button" className="ui-icon-btn" aria-label={`Move ${itemLabel} up`} title="Move up" disabled={i === 0} onClick={() => move(i, i - 1)}>↑</button>
                    <button type="button" className="ui-icon-btn" aria-label={`Move ${itemLabel} down`} title="Move down" disabled={i === list.length - 1} onClick={() => move(i, i + 1)}>↓</button>
                    <button type="button" className="ui-icon-btn" aria-label={`Remove ${itemLabel}`} title="Remove" onClick={() => remove(i)}>×</button>
                  </span>
                } />
            </li>
          );
        })}
      </ol>
      <button type="button" className="ui-btn is-ghost is-small" disabled={isFull} data-testid={`add-${path}`}
        onClick={() => set([...list, initialValue(of)])}>
        + Add {isCompact ? 'entry' : 'item'}
      </button>
    </div>
  );
}
