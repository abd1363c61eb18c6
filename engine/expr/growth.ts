import { fits, MAX_STRING, tooLong } from './limits';

// Natives whose output can be many times their input (normalize('NFKD') turns one character
// into up to 18, toUpperCase one into 3, encodeURIComponent one into 9). A result over the cap
// must never be allocated, so when the worst case could pass it, the output size is measured
// first, a slice at a time, stopping as soon as it is over.

const SLICE = 1 << 16;

/** Throws `expr.size` before `grow(s)` is computed when its result would be over the cap. */
export function checkGrowth(s: string, worstFactor: number, grow: (part: string) => string): void {
  if (s.length * worstFactor <= MAX_STRING) return;
  let total = 0;
  for (let i = 0; i < s.length;) {
    let j = Math.min(i + SLICE, s.length);
    if (j < s.length && isHighSurrogate(s.charCodeAt(j - 1))) j--; // never split a surrogate pair
    total += grow(s.slice(i, j)).length;
    if (total > MAX_STRING) tooLong(total);
    i = j;
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Unicode's worst-case expansion per form, in code units: NFC 3, NFD 4, NFKC and NFKD 18. */
const NORMAL_FORMS: Record<string, number> = { NFC: 3, NFD: 4, NFKC: 18, NFKD: 18 };

/**
 * `s.normalize(form)` without ever building an oversized result. Decomposition length is the sum
 * over code points (reordering only permutes), and composition only shrinks, so the decomposed
 * length bounds every form. It is summed per code point from a cache, since decomposing
 * (18 characters out per 'ﷺ') is what costs time.
 */
export function normalizeText(s: string, form: string | undefined): string {
  const f = form ?? 'NFC';
  const factor = NORMAL_FORMS[f];
  if (factor === undefined) throw new RangeError(`The normalization form should be one of NFC, NFD, NFKC, NFKD, not '${f.slice(0, 20)}'`);
  if (s.length * factor > MAX_STRING) {
    const total = decomposedLength(s, f === 'NFC' || f === 'NFD' ? 'NFD' : 'NFKD');
    if (total > MAX_STRING) tooLong(total);
  }
  return s.normalize(f);
}

const decomposedSizes = { NFD: new Map<number, number>(), NFKD: new Map<number, number>() };

/** The length of `s` decomposed, counted up to just past the cap. */
function decomposedLength(s: string, form: 'NFD' | 'NFKD'): number {
  const sizes = decomposedSizes[form];
  let total = 0;
  for (let i = 0; i < s.length && total <= MAX_STRING; i++) {
    let cp = s.charCodeAt(i);
    if (cp < 0x80) { total++; continue; }
    if (isHighSurrogate(cp) && i + 1 < s.length) { cp = s.codePointAt(i)!; i++; }
    let n = sizes.get(cp);
    if (n === undefined) {
      n = String.fromCodePoint(cp).normalize(form).length;
      if (sizes.size < 65_536) sizes.set(cp, n);
    }
    total += n;
  }
  return total;
}

/** UTF-8 bytes of `s`, base64-encoded: the size is known before encoding. */
export function base64Of(s: string): string {
  const bytes = Buffer.byteLength(s, 'utf8');
  fits(Math.ceil(bytes / 3) * 4);
  return Buffer.from(s, 'utf8').toString('base64');
}

/** encodeURIComponent: at most 9 characters per UTF-16 unit (3 UTF-8 bytes as %XX). */
export function uriEncode(s: string): string {
  checkGrowth(s, 9, encodeURIComponent);
  return encodeURIComponent(s);
}

/** Case mappings: at most 3 characters per character ('ΐ'.toUpperCase() is 3). */
export function recase(s: string, map: (part: string) => string): string {
  checkGrowth(s, 3, map);
  return map(s);
}
