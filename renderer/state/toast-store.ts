import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** One button, e.g. "Undo" after a delete. */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>, ttlMs?: number): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** App-wide notices; errors stay longer since they carry the engine's sentence. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (t, ttlMs) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { ...t, id }] }));
    const ttl = ttlMs ?? (t.kind === 'error' ? 12000 : t.action ? 8000 : 4000);
    if (ttl > 0) setTimeout(() => get().dismiss(id), ttl);
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = (kind: ToastKind, message: string, action?: Toast['action'], ttlMs?: number) =>
  useToasts.getState().push({ kind, message, ...(action ? { action } : {}) }, ttlMs);

/** The sentence to show for a failed call: the engine's own message when it sent one. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
