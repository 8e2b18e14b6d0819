import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, isLanguage, type Language } from '#common/i18n/languages.ts';
import { isCalendarDate } from '#common/time.ts';
import type { FieldSpec } from '../forms/field-specs.ts';
import { durationText } from './format.ts';

const CHOICE_KEYS: Record<string, string> = { workingHours: 'activity:workingHours', countPer: 'activity:countPer', channel: 'activity:channel' };

/** A field's value as a person reads it, or null when there is nothing to show. */
export function formatValue(t: TFunction, language: string, spec: FieldSpec, value: unknown): string | null {
  if (value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) {
    return null;
  }
  const lang: Language = isLanguage(language) ? language : 'nb';
  switch (spec.kind) {
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? formatDate(lang, value) : String(value);
    case 'instant': {
      const instant = typeof value === 'string' ? new Date(value) : null;
      return instant && !Number.isNaN(instant.getTime()) ? formatDateTime(lang, instant) : String(value);
    }
    case 'duration':
      return typeof value === 'number' ? durationText(t, value) : String(value);
    case 'choice':
      return t(`${CHOICE_KEYS[spec.name] ?? 'activity:choice'}.${String(value)}`);
    default:
      return String(value);
  }
}
