/** Every rule about days is reckoned in Europe/Oslo (product.md C10). */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

// Made on first use: an Intl formatter with a time zone is costly, and a module that merely imports this file should not pay.
let osloDateFormat: Intl.DateTimeFormat | undefined;

/** The Oslo calendar date ('YYYY-MM-DD') of an instant. */
export function osloDate(instant: Date): string {
  osloDateFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: OSLO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return osloDateFormat.format(instant);
}

/** Adds whole days to a calendar date ('YYYY-MM-DD'), independent of any time zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date in the form YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1900 && y <= 2200;
}
