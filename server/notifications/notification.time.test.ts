import { describe, expect, it } from 'vitest';
import { meetingReminderDue, osloWallTime, retryDelayMs } from './notification.time.ts';

describe('the meeting reminder time', () => {
  it('is 10:00 in Oslo on the calendar day before, in winter and in summer time', () => {
    expect(meetingReminderDue(new Date('2026-01-15T08:30:00Z')).toISOString()).toBe('2026-01-14T09:00:00.000Z');
    expect(meetingReminderDue(new Date('2026-06-15T08:30:00Z')).toISOString()).toBe('2026-06-14T08:00:00.000Z');
  });

  it('follows the Oslo calendar day, not the UTC one', () => {
    // 00:30 on 16 January in Oslo is still 15 January in UTC.
    expect(meetingReminderDue(new Date('2026-01-15T23:30:00Z')).toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });

  it('crosses the daylight-saving switches', () => {
    // Summer time starts 29 March 2026 at 02:00; a Monday meeting is reminded on the Sunday at 10:00 CEST.
    expect(meetingReminderDue(new Date('2026-03-30T07:00:00Z')).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // The Sunday meeting is reminded on the Saturday at 10:00 CET.
    expect(meetingReminderDue(new Date('2026-03-29T10:00:00Z')).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    // Winter time starts 25 October 2026.
    expect(osloWallTime('2026-10-25', 10).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(osloWallTime('2026-10-24', 10).toISOString()).toBe('2026-10-24T08:00:00.000Z');
  });
});

describe('retries of a held notification', () => {
  it('come soon and then further apart while the register is down or a send fails', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs('REGISTER_DOWN', n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect(retryDelayMs('DELIVERY_FAILED', 1)).toBe(60_000);
  });

  it('come hourly for outdated details and six-hourly for a person the register does not know', () => {
    expect(retryDelayMs('OUTDATED', 9)).toBe(3_600_000);
    expect(retryDelayMs('NOT_REGISTERED', 1)).toBe(6 * 3_600_000);
  });
});
