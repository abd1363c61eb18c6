/**
 * Node icons. Node types name an icon in the Lucide vocabulary (`git-branch`, `repeat`…);
 * the ones we draw are here, anything else falls back to its category's icon.
 */
import type { ReactNode } from 'react';

const P: Record<string, ReactNode> = {
  bolt: <path d="M13 2 4 14h7l-1 8 9-12h-7z" />,
  shuffle: <><path d="M3 7h4l10 10h4M3 17h4l3-3M14 10l3-3h4" /><path d="m18 4 3 3-3 3M18 14l3 3-3 3" /></>,
  'git-branch': <><circle cx="6" cy="5" r="2" /><circle cx="6" cy="19" r="2" /><circle cx="18" cy="7" r="2" /><path d="M6 7v10M18 9c0 5-6 4-11 8" /></>,
  table: <><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M3 10h18M3 15h18M10 4v16" /></>,
  code: <path d="m8 7-5 5 5 5M16 7l5 5-5 5" />,
  plug: <><path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" /></>,
  tool: <path d="M14.5 6.5a4 4 0 0 0 5 5L12 19a2.1 2.1 0 0 1-3-3l7.5-7.5a4 4 0 0 0-2-2zM6 18l-1 1" />,
  'sticky-note': <><path d="M5 3h14v11l-7 7H5z" /><path d="M12 21v-7h7" /></>,
  play: <path d="M7 5v14l11-7z" />,
  repeat: <><path d="m17 2 3 3-3 3" /><path d="M4 11V9a4 4 0 0 1 4-4h12M7 22l-3-3 3-3" /><path d="M20 13v2a4 4 0 0 1-4 4H4" /></>,
  merge: <><path d="m8 6 4-4 4 4" /><path d="M12 2v8.5a4 4 0 0 1-1.2 2.8L4 20M20 20l-5-5" /></>,
  filter: <path d="M3 4h18l-7 8v6l-4 2v-8z" />,
  split: <><path d="M16 3h5v5M8 3H3v5" /><path d="M21 3l-7 7v11M3 3l7 7" /></>,
  hourglass: <><path d="M6 2h12M6 22h12" /><path d="M7 2v4l5 6 5-6V2M7 22v-4l5-6 5 6v4" /></>,
  sigma: <path d="M18 7V4H6l6 8-6 8h12v-3" />,
  'arrow-right': <path d="M5 12h14M13 6l6 6-6 6" />,
  'arrow-up-down': <path d="m21 16-4 4-4-4M17 20V4M3 8l4-4 4 4M7 4v16" />,
  'copy-minus': <><rect x="8" y="8" width="13" height="13" rx="2" /><path d="M12 14.5h5M4 16V5a1 1 0 0 1 1-1h11" /></>,
  'list-end': <path d="M3 6h13M3 12h13M3 18h6M21 6v10a2 2 0 0 1-2 2h-6M16 15l-3 3 3 3" />,
  ungroup: <><rect x="3" y="3" width="9" height="7" rx="1" /><rect x="12" y="14" width="9" height="7" rx="1" /><path d="M7 10v4h5M17 14v-4h-5" /></>,
};

const BY_CATEGORY: Record<string, string> = {
  trigger: 'bolt', transform: 'shuffle', flow: 'git-branch', data: 'table', code: 'code',
  connector: 'plug', utility: 'tool', annotation: 'sticky-note',
};

export function NodeIcon({ icon, category }: { icon?: string; category?: string }) {
  const path = (icon && P[icon]) ?? P[BY_CATEGORY[category ?? ''] ?? 'tool'];
  return (
    <svg className="node-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">{path}</svg>
  );
}
