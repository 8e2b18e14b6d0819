import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { ActivityCreateSchema, ActivityEditSchema } from '#common/schemas/activity-input.ts';
import { isCalendarDate, osloDate } from '#common/time.ts';
import type { CustomError } from './messages.ts';
import type { FormValues } from './form-model.ts';

export interface ResolverOptions {
  mode: 'create' | 'edit';
  /** An edited meeting may keep a start in the past; only a moved start must lie ahead. */
  originalStartsAt?: string | null;
  now?: () => Date;
}

const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) && value.includes('T');

const sameInstant = (a: string, b: string | null) => b !== null && new Date(a).getTime() === new Date(b).getTime();

/**
 * The very schemas the server validates with, plus the few rules the server checks across
 * fields (an end before the start, a meeting in the past, a conversation in the future), so the
 * person hears of them beside the field before sending.
 */
export function activityResolver({ mode, originalStartsAt = null, now = () => new Date() }: ResolverOptions): Resolver<FormValues> {
  const schema = zodResolver(mode === 'create' ? ActivityCreateSchema : ActivityEditSchema);
  return async (values, context, options) => {
    const result = await schema(values as never, context, options as never);
    const errors: FieldErrors<FormValues> = { ...(result.errors as FieldErrors<FormValues>) };
    const add = (name: string, type: CustomError) => {
      if (!errors[name]) {
        errors[name] = { type, message: type };
      }
    };
    const { fromDate, toDate, startsAt } = values;
    if (typeof fromDate === 'string' && typeof toDate === 'string' && isCalendarDate(fromDate) && isCalendarDate(toDate) && toDate < fromDate) {
      add('toDate', 'toDateBeforeFrom');
    }
    if (values.type === 'MEETING' && isInstant(startsAt) && !sameInstant(startsAt, originalStartsAt) && new Date(startsAt) < now()) {
      add('startsAt', 'startsAtPast');
    }
    if (mode === 'create' && values.type === 'CONVERSATION_SUMMARY' && typeof fromDate === 'string' && isCalendarDate(fromDate) && fromDate > osloDate(now())) {
      add('fromDate', 'dateAfterToday');
    }
    if (Object.keys(errors).length > 0) {
      return { values: {}, errors };
    }
    return result as Awaited<ReturnType<Resolver<FormValues>>>;
  };
}
