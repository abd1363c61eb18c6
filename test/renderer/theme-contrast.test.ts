/**
 * WCAG AA for every text colour the theme tokens pair up, in both themes: 4.5:1 for small
 * text (WCAG 2.2, 1.4.3). Reads tokens.css itself, so a changed colour is checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Beside the renderer, not in it: reading the file needs Node, which the renderer's program has not.
const css = readFileSync(join(__dirname, '../../renderer/styles/tokens.css'), 'utf8');

/** The custom properties of the first rule whose selector includes `selector`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const channel = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`${hex} is not a #rrggbb colour`);
  const n = parseInt(m[1], 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
export const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const SURFACES = ['bg', 'bg-app', 'bg-sunken', 'bg-raised', 'bg-hover', 'bg-active', 'bg-canvas'];
/** Text tokens, each on every surface it is drawn on; then the fixed pairs (badges, buttons, notes). */
const PAIRS: [string, string][] = [
  ...['fg', 'fg-muted', 'fg-subtle', 'accent', 'ok', 'warn', 'danger', 'running'].flatMap((t) => SURFACES.map((s): [string, string] => [t, s])),
  ['ok', 'ok-soft'], ['warn', 'warn-soft'], ['danger', 'danger-soft'], ['running', 'accent-soft'], ['accent', 'accent-soft'],
  ['fg', 'accent-soft'], ['fg', 'warn-soft'], ['fg-muted', 'warn-soft'], ['fg-muted', 'accent-soft'],
  ['accent-fg', 'accent-solid'], ['danger-fg', 'danger-solid'], ['fg', 'note-bg'], ['fg-muted', 'note-bg'],
];

describe.each(['light', 'dark'])('the %s theme', (theme) => {
  const t = { ...tokens(':root {'), ...tokens(":root, [data-theme='light']"), ...(theme === 'dark' ? tokens("[data-theme='dark']") : {}) };
  it.each(PAIRS)('--%s on --%s has a contrast of at least 4.5:1', (fg, bg) => {
    expect(t[fg], `--${fg}`).toBeDefined();
    expect(t[bg], `--${bg}`).toBeDefined();
    expect(Math.round(contrast(t[fg], t[bg]) * 100) / 100).toBeGreaterThanOrEqual(4.5);
  });
});
