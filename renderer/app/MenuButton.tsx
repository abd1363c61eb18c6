import { useEffect, useRef, useState } from 'react';
import { Icon } from './icons';

export interface MenuAction { label: string; run(): void; isDanger?: boolean; testId?: string }

/** A "⋯" button with a menu: arrow keys move, Enter runs, Escape closes and returns focus. */
export function MenuButton({ label, actions, testId }: { label: string; actions: MenuAction[]; testId?: string }) {
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    menu.current?.querySelector<HTMLButtonElement>('.menu-item')?.focus();
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [isOpen]);
  const close = () => { setOpen(false); button.current?.focus(); };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('.menu-item') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') { close(); if (e.key === 'Tab') return; }
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className="menu-anchor">
      <button ref={button} type="button" className="btn btn-ghost btn-icon" aria-label={label} aria-haspopup="menu"
        aria-expanded={isOpen} data-testid={testId} onClick={(e) => { e.stopPropagation(); setOpen(!isOpen); }}>
        <Icon name="more" />
      </button>
      {isOpen && (
        <ul className="menu menu-right" role="menu" ref={menu} onKeyDown={onKeyDown} onClick={(e) => e.stopPropagation()}>
          {actions.map((a) => (
            <li key={a.label} role="none">
              <button type="button" role="menuitem" className={`menu-item${a.isDanger ? ' danger' : ''}`} data-testid={a.testId}
                onClick={() => { setOpen(false); a.run(); }}>{a.label}</button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
