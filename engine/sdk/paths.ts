import type { Item } from './types';

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Reads `a.b[2].c` from a value, own properties only. */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let cur: unknown = value;
  const parts = path.includes('[') ? path.replace(/\[(\d+)\]/g, '.$1').split('.') : path.split('.');
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || FORBIDDEN.has(part)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A stable key from some fields of an item, or from its whole JSON with sorted keys. */
export function keyOf(item: Item, fields?: string[]): string {
  if (fields && fields.length === 1) {
    const v = getPath(item.json, fields[0]);
    return typeof v === 'string' ? `s${v}` : `j${stableJson(v)}`;
  }
  if (fields) return stableJson(fields.map((f) => getPath(item.json, f) ?? null));
  return stableJson(item.json);
}

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
