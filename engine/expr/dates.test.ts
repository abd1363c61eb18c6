import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { errorOf, makeScope, NOW, run } from './test-scope';
import { compileTemplate } from './index';

// NOW is 2024-03-15T10:30:00 Europe/Berlin (a Friday).

describe('DateTime', () => {
  it.each([
    ["{{ $now.toFormat('yyyy-MM-dd HH:mm') }}", '2024-03-15 10:30'],
    ["{{ $now.format('dd.MM.yyyy') }}", '15.03.2024'],
    ['{{ $now.toISO() }}', '2024-03-15T10:30:00.000+01:00'],
    ['{{ $now.toISODate() }}', '2024-03-15'],
    ['{{ $now.toMillis() === $now.toMillis() }}', true],
    ["{{ $now.plus({ days: 1, hours: 2 }).toISO() }}", '2024-03-16T12:30:00.000+01:00'],
    ["{{ $now.plus(3, 'days').day }}", 18],
    ["{{ $now.minus({ months: 1 }).month }}", 2],
    ["{{ $now.minus(1, 'year').year }}", 2023],
    ["{{ $now.startOf('month').toISODate() }}", '2024-03-01'],
    ["{{ $now.endOf('day').toFormat('HH:mm:ss') }}", '23:59:59'],
    ["{{ $now.setZone('UTC').hour }}", 9],
    ["{{ $now.setZone('America/New_York').toFormat('HH:mm ZZZZ') }}", '05:30 EDT'],
    ["{{ $now.diff(DateTime.fromISO('2024-03-10T10:30:00+01:00'), 'days').days }}", 5],
    ["{{ $now.diff($now.minus({ hours: 36 })).as('days') }}", 1.5],
    ["{{ $now.diff('2024-03-14T10:30:00+01:00', ['days', 'hours']).toObject() }}", { days: 1, hours: 0 }],
    ["{{ $now.plus({ days: 2 }).toRelative({ base: $now }) }}", 'in 2 days'],
    ['{{ [$now.year, $now.month, $now.day, $now.hour, $now.minute, $now.weekday, $now.weekdayLong] }}', [2024, 3, 15, 10, 30, 5, 'Friday']],
    ['{{ [$now.quarter, $now.daysInMonth, $now.zoneName, $now.isValid] }}', [1, 31, 'Europe/Berlin', true]],
    ["{{ $now.get('month') + $now.extract('day') }}", 18],
    ['{{ $now.isWeekend() || $now.plus({ days: 1 }).isWeekend() }}', true],
    ["{{ $now.hasSame($now.plus({ hours: 1 }), 'day') }}", true],
    ["{{ $now.isBetween($now.minus({ days: 1 }), $now.plus({ days: 1 })) }}", true],
    ['{{ $now > $now.minus({ minutes: 1 }) && $now.plus({ minutes: 1 }) >= $now }}', true],
    ['{{ $now - $now.minus({ seconds: 2 }) }}', 2000],
    ['{{ $today.toISO() }}', '2024-03-15T00:00:00.000+01:00'],
    ['{{ DateTime.now() === $now }}', true],
    ["{{ DateTime.fromISO('2024-12-24T18:00:00Z').toUTC().toFormat('dd LLL') }}", '24 Dec'],
    ["{{ DateTime.fromFormat('24/12/2024', 'dd/MM/yyyy').toISODate() }}", '2024-12-24'],
    ['{{ DateTime.fromMillis(0, { zone: "UTC" }).toISO() }}', '1970-01-01T00:00:00.000Z'],
    ['{{ DateTime.fromSeconds(86400, { zone: "UTC" }).toISODate() }}', '1970-01-02'],
    ["{{ DateTime.fromObject({ year: 2020, month: 5, day: 1 }, { zone: 'UTC' }).toISODate() }}", '2020-05-01'],
    ["{{ DateTime.fromSQL('2024-01-02 03:04:05', { zone: 'UTC' }).hour }}", 3],
    ['{{ DateTime.utc(2024, 1, 2).toISO() }}', '2024-01-02T00:00:00.000Z'],
    ["{{ DateTime.fromISO('not a date').isValid }}", false],
    ["{{ DateTime.max($now, $now.plus({ days: 1 })).day }}", 16],
    ["{{ $now.toLocaleString(DateTime.DATE_FULL, { locale: 'en-US' }) }}", 'March 15, 2024'],
    ["{{ Duration.fromObject({ hours: 2 }).as('minutes') }}", 120],
    ["{{ Duration.fromMillis(90000).shiftTo('minutes', 'seconds').toObject() }}", { minutes: 1, seconds: 30 }],
    ["{{ Duration.fromISO('PT1H30M').toFormat('hh:mm') }}", '01:30'],
    ["{{ $now.diff($now.minus({ minutes: 90 })).shiftTo('hours', 'minutes').hours }}", 1],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('returns DateTimes and Durations as values from a single {{ }}', () => {
    const v = run('{{ $now.plus({ days: 1 }) }}');
    expect(v).toBeInstanceOf(DateTime);
    expect((v as DateTime).toISODate()).toBe('2024-03-16');
    expect(run('{{ $now.diff($today) }}')).toBeInstanceOf(Duration);
  });

  it('writes dates as ISO text in mixed templates and template literals', () => {
    expect(run('At {{ $now }}')).toBe(`At ${NOW.toISO()}`);
    expect(run('{{ `At ${$today}` }}')).toBe('At 2024-03-15T00:00:00.000+01:00');
    expect(run('{{ { at: $now } }}')).toEqual({ at: NOW });
    expect(run('x{{ { at: $now } }}')).toBe(`x{"at":"${NOW.toISO()}"}`);
  });

  it('DateTime.now() follows the scope clock, so runs are deterministic', () => {
    const fixed = DateTime.fromISO('2001-01-01T00:00:00Z');
    expect(compileTemplate('{{ DateTime.now().year }}').evaluate(makeScope({}, { $now: fixed }))).toBe(2001);
  });

  it("DateTime.fromFormat with 'Hm'.repeat(15) on 61 digits (took 52 s) fails fast with a clear error", () => {
    const t0 = performance.now();
    const err = errorOf(() => run("{{ DateTime.fromFormat('1'.repeat(61) + 'x', 'Hm'.repeat(15)) }}"));
    expect(err.code).toBe('expr.runtime');
    expect(err.message).toMatch(/puts too many variable-width numbers next to each other/);
    expect(errorOf(() => run("{{ ('1'.repeat(61) + 'x').toDateTime('Hm'.repeat(15)) }}")).message).toMatch(/too many variable-width numbers/);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(run("{{ DateTime.fromFormat('31.12.2023', 'dd.MM.yyyy', { zone: 'UTC' }).toISODate() }}")).toBe('2023-12-31');
    expect(run("{{ '31.12.2023'.toDateTime('dd.MM.yyyy').day }}")).toBe(31);
  });

  it('rejects units and options outside the allow-list', () => {
    expect(errorOf(() => run("{{ $now.plus(1, 'eons') }}")).message).toMatch(/Unknown unit 'eons'/);
    expect(errorOf(() => run("{{ $now.toFormat('x'.repeat(2000)) }}")).message).toMatch(/date format is longer than 200 characters/);
    expect(errorOf(() => run('{{ $now.plus($input) }}')).message).toMatch(/Expected a duration/);
    expect(errorOf(() => run('{{ $now.diff(5 > 3) }}')).message).toMatch(/Expected a date/);
  });
});
