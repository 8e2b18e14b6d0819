import { addDays, OSLO_TIME_ZONE, osloDate } from '#common/time.ts';

/** A meeting's reminder goes out at this Oslo time on the calendar day before the meeting. */
export const MEETING_REMINDER_OSLO_HOUR = 10;

let offsetFormat: Intl.DateTimeFormat | undefined;

/** Milliseconds Oslo's wall clock is ahead of UTC at an instant (1 or 2 hours). */
function osloOffsetMs(instant: Date): number {
  offsetFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: OSLO_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which Oslo's wall clock shows `hour`:00 on a calendar date ('YYYY-MM-DD'). */
export function osloWallTime(date: string, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const first = wall - osloOffsetMs(new Date(wall));
  // Near a daylight-saving switch the offset at the guess may differ from the offset at the answer.
  return new Date(wall - osloOffsetMs(new Date(first)));
}

/** 10:00 Oslo time on the calendar day (in Oslo) before the meeting starts. */
export function meetingReminderDue(startsAt: Date): Date {
  return osloWallTime(addDays(osloDate(startsAt), -1), MEETING_REMINDER_OSLO_HOUR);
}

/** Why a notification waits instead of going out, as NAV is shown it. */
export type HoldReason = 'OUTDATED' | 'REGISTER_DOWN' | 'NOT_REGISTERED' | 'DELIVERY_FAILED';

const MINUTE = 60_000;

/**
 * When to try a held notification again. A register that is down or a failed send: soon, then
 * less often (1, 2, 4, … up to 30 minutes). Outdated details: hourly, so it goes out within the
 * hour after the citizen confirms them. Not in the register at all: every six hours.
 */
export function retryDelayMs(reason: HoldReason, attempts: number): number {
  switch (reason) {
    case 'OUTDATED':
      return 60 * MINUTE;
    case 'NOT_REGISTERED':
      return 6 * 60 * MINUTE;
    case 'REGISTER_DOWN':
    case 'DELIVERY_FAILED':
      return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 30 * MINUTE);
  }
}
