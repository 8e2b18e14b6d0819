import { describe, expect, it } from 'vitest';
import { osloInstant, osloParts } from './oslo-time.ts';

/** The meeting start typed in Oslo time, whatever time zone the browser (or this test) runs in. */
describe('osloInstant', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(osloInstant('2026-12-01', '09:30')).toBe('2026-12-01T09:30:00+01:00');
    expect(osloInstant('2026-06-01', '09:30')).toBe('2026-06-01T09:30:00+02:00');
    expect(osloInstant('2026-07-01', '00:00')).toBe('2026-07-01T00:00:00+02:00');
  });

  it('follows the spring change on 29 March 2026 to the hour', () => {
    expect(osloInstant('2026-03-28', '23:30')).toBe('2026-03-28T23:30:00+01:00');
    expect(osloInstant('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(osloInstant('2026-03-29', '03:30')).toBe('2026-03-29T03:30:00+02:00');
    // 02:30 does not exist that night; the clock would show 03:30.
    expect(osloInstant('2026-03-29', '02:30')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('follows the autumn change on 25 October 2026', () => {
    expect(osloInstant('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+02:00');
    expect(osloInstant('2026-10-25', '03:30')).toBe('2026-10-25T03:30:00+01:00');
  });

  it('refuses dates and times that do not exist', () => {
    expect(osloInstant('2026-02-30', '10:00')).toBeNull();
    expect(osloInstant('2026-02-03', '24:00')).toBeNull();
  });
});

describe('osloParts', () => {
  it('splits a stored instant into the Oslo date and time a person would type', () => {
    expect(osloParts('2026-11-30T08:00:00.000Z')).toEqual({ date: '2026-11-30', time: '09:00' });
    expect(osloParts('2026-06-30T22:15:00.000Z')).toEqual({ date: '2026-07-01', time: '00:15' });
  });
});
