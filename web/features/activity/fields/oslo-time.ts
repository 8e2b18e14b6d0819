import { isCalendarDate, OSLO_TIME_ZONE, osloDate } from '#common/time.ts';

/**
 * A meeting's start is typed as an Oslo date and clock time and sent as an instant with its
 * offset. The offset is +01:00 in winter and +02:00 in summer, so it is looked up for the very
 * date and time typed, never taken from the browser's own time zone.
 */
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: OSLO_TIME_ZONE, timeZoneName: 'longOffset' });
const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: OSLO_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Oslo's offset from UTC at an instant, in minutes (60 or 120). */
export function osloOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) {
    return 0;
  }
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return CLOCK.test(value);
}

/**
 * 'YYYY-MM-DD' + 'HH:mm' in Oslo → '2026-12-01T09:30:00+01:00'. The offset is found by trying the
 * offset of the wall time read as UTC and then correcting once (enough: Oslo shifts by one hour).
 * A time that does not exist (in the spring-forward hour) lands one hour later, as clocks do.
 */
export function osloInstant(date: string, time: string): string | null {
  if (!isCalendarDate(date) || !isClockTime(time)) {
    return null;
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let offset = osloOffsetMinutes(new Date(wall - 60 * 60_000));
  offset = osloOffsetMinutes(new Date(wall - offset * 60_000));
  const instant = new Date(wall - offset * 60_000);
  return `${osloDate(instant)}T${osloClock(instant)}:00${formatOffset(osloOffsetMinutes(instant))}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The Oslo clock time 'HH:mm' of an instant. */
export function osloClock(instant: Date): string {
  return clockFormat.format(instant);
}

/** An instant split into the Oslo date and clock time a person would type. */
export function osloParts(iso: string | null | undefined): { date: string; time: string } {
  if (!iso) {
    return { date: '', time: '' };
  }
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return { date: '', time: '' };
  }
  return { date: osloDate(instant), time: osloClock(instant) };
}
