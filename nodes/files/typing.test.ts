import { describe, expect, it } from 'vitest';
import { isIsoDate, typeValue } from './typing';

describe('CSV cell typing', () => {
  it('types plain numbers and booleans, and leaves codes and long digit runs as text', () => {
    expect(['42', '-3.5', '0', '0.25', '1e3', '123456789012345', '1234567890.12345'].map(typeValue)).toEqual([42, -3.5, 0, 0.25, 1000, 123456789012345, 1234567890.12345]);
    expect(['007', '1234567890123456', '12345678901234567890', '1,5', '+4', '1.', '.5', ' 1', 'NaN', 'Infinity'].map(typeValue))
      .toEqual(['007', '1234567890123456', '12345678901234567890', '1,5', '+4', '1.', '.5', ' 1', 'NaN', 'Infinity']);
    expect(['true', 'FALSE', 'True', 'yes', ''].map(typeValue)).toEqual([true, false, true, 'yes', '']);
  });

  it('knows ISO dates, with or without a time and zone', () => {
    expect(['2024-03-01', '2024-03-01T14:30', '2024-03-01 14:30:00', '2024-03-01T14:30:00.123Z', '2024-03-01T14:30:00+02:00'].every(isIsoDate)).toBe(true);
    expect(['2024-13-01', '01.03.2024', '2024-3-1', 'today', 20240301].some(isIsoDate)).toBe(false);
  });
});
