import { describe, expect, it } from 'vitest';
import { formatProblem, parseFormatProblem, parseWithFormat } from './date-formats';

describe('date formats from flow files', () => {
  it('parses ordinary formats, macro formats and locales as luxon does', () => {
    expect(parseWithFormat('31.12.2023 14:05', 'dd.MM.yyyy HH:mm', { zone: 'UTC' }).toISO()).toBe('2023-12-31T14:05:00.000Z');
    expect(parseWithFormat('5.3.24', 'd.M.yy', { zone: 'UTC' }).toISODate()).toBe('2024-03-05');
    expect(parseWithFormat('20240305143000', 'yyyyMMddHHmmss', { zone: 'UTC' }).toISO()).toBe('2024-03-05T14:30:00.000Z');
    expect(parseWithFormat('Dienstag, 5. März 2024', 'EEEE, d. MMMM yyyy', { locale: 'de', zone: 'UTC' }).toISODate()).toBe('2024-03-05');
    expect(parseWithFormat('3/5/2024', 'D', { zone: 'UTC' }).toISODate()).toBe('2024-03-05');
    expect(parseWithFormat('x', 'dd.MM.yyyy').isValid).toBe(false);
  });

  it("refuses 'Hm'.repeat(15), which took 52 s on 61 digits, in well under a second", () => {
    const t0 = performance.now();
    expect(() => parseWithFormat(`${'1'.repeat(61)}x`, 'Hm'.repeat(15))).toThrow(/puts too many variable-width numbers next to each other/);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('bounds how adjacent number tokens may split digits, the parts, the length and the text', () => {
    expect(parseFormatProblem('Hm'.repeat(5))).toBeUndefined(); // 2^10 ways
    expect(parseFormatProblem('Hm'.repeat(6))).toMatch(/too many variable-width numbers/);
    expect(parseFormatProblem('yMyMyM')).toMatch(/too many variable-width numbers/);
    expect(parseFormatProblem('H:m:s H:m:s H:m:s H:m:s')).toBeUndefined(); // separators pin each number
    expect(parseFormatProblem('d'.repeat(1) + '.M'.repeat(40))).toMatch(/has more than 40 parts/);
    expect(formatProblem('x'.repeat(201))).toBe('The date format is longer than 200 characters');
    expect(() => parseWithFormat('1'.repeat(257), 'yyyy')).toThrow(/Date text longer than 256 characters/);
  });
});
