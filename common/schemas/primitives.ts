import { z } from 'zod';
import { isCalendarDate } from '../time.ts';

/** A calendar date 'YYYY-MM-DD' (activity from/to dates are dates, not instants). */
export const CalendarDate = z.string().refine(isCalendarDate, { message: 'must be a date in the form YYYY-MM-DD' });

/** An instant with an explicit offset, e.g. 2026-12-01T09:30:00+01:00. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be a date and time with offset (ISO 8601)' });

/** PostgreSQL cannot store the NUL character in text or JSON: refuse it as input, not as a 500. */
export const noNul = (value: string) => !value.includes('\u0000');
export const NO_NUL = { message: 'must not contain the NUL character' };

export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'is required' }).max(max, { message: `must be at most ${max} characters` }).refine(noNul, NO_NUL);

/** Optional text: missing, null or blank all mean "no value". */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine(noNul, NO_NUL)
    .nullish()
    .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

export const Uuid = z.uuid({ message: 'must be an id' });

/** The version a write read; a stale one gets 409 with the current state. */
export const Version = z.number({ message: 'must be a whole number' }).int().min(0).max(2_147_483_647);

/** Query values that may be repeated (?type=A&type=B) or comma separated (?type=A,B). */
export const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined) {
      return undefined;
    }
    const list = Array.isArray(v) ? v : [v];
    return list.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).filter((x) => x !== '');
  }, z.array(item).max(20).optional());
