/**
 * The output port a "+" was pressed on: the palette then adds its pick after that port,
 * wired to it. Shared by the card (sets it), the palette (shows it) and the editor (uses it).
 */
import { create } from 'zustand';

export interface PortAdd { node: string; port: string; label: string }

export const usePortAdd = create<{ from?: PortAdd; start(from: PortAdd): void; clear(): void }>()((set) => ({
  start: (from) => {
    set({ from });
    // The palette's search takes the keyboard: type a name, Enter adds the first match.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="palette-search"]')?.focus());
  },
  clear: () => set({ from: undefined }),
}));
