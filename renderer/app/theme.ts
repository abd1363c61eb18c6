import { useSyncExternalStore } from 'react';

/** The person's choice; 'system' follows the OS through prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'junction.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

const readChoice = (): ThemeChoice => {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
};

let choice: ThemeChoice = readChoice();
const resolve = (): Theme => (choice === 'system' ? (media.matches ? 'dark' : 'light') : choice);

function apply() {
  document.documentElement.dataset.theme = resolve();
  listeners.forEach((l) => l());
}

export function setThemeChoice(next: ThemeChoice) {
  choice = next;
  if (next === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, next);
  apply();
}

/** Sets data-theme before the first paint and keeps following the OS. */
export function initTheme() {
  media.addEventListener('change', apply);
  apply();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => listeners.delete(l); };

export const useThemeChoice = () => useSyncExternalStore(subscribe, () => choice);
export const useTheme = () => useSyncExternalStore(subscribe, resolve);
