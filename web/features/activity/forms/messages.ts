import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { labelKey, type FieldSpec } from './field-specs.ts';

/**
 * Turns a field's error into a text from the catalogue. The schema's own messages are English
 * and meant for API clients, so they are read only as codes: zod's issue code on the web, and the
 * server's few known phrasings when a 400 names the field.
 */
export const CUSTOM_ERRORS = ['toDateBeforeFrom', 'startsAtPast', 'dateAfterToday'] as const;
export type CustomError = (typeof CUSTOM_ERRORS)[number];

function fromServer(message: string): string | null {
  if (/at most \d+ characters/.test(message)) {
    return 'tooLong';
  }
  if (/is required/.test(message)) {
    return 'required';
  }
  if (/cannot be before/.test(message)) {
    return 'toDateBeforeFrom';
  }
  if (/past/.test(message)) {
    return 'startsAtPast';
  }
  if (/after today/.test(message)) {
    return 'dateAfterToday';
  }
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

export function fieldErrorText(t: TFunction, spec: FieldSpec | undefined, error: FieldError | undefined, value: unknown): string | undefined {
  if (!error) {
    return undefined;
  }
  if (!spec) {
    return t('activity:errors.checkForm');
  }
  const label = t(labelKey(spec));
  let kind: string | null = (CUSTOM_ERRORS as readonly string[]).includes(String(error.type)) ? String(error.type) : null;
  if (!kind && error.type === 'server') {
    kind = fromServer(error.message ?? '') ?? 'checkField';
  }
  if (!kind) {
    kind = error.type === 'too_big' ? 'tooLong' : isEmpty(value) ? 'required' : 'invalid';
  }
  switch (kind) {
    case 'toDateBeforeFrom':
    case 'startsAtPast':
    case 'dateAfterToday':
      return t(`activity:errors.${kind}`);
    case 'tooLong':
      return t('activity:errors.tooLong', { label, max: spec.max ?? 0 });
    case 'required':
      return spec.kind === 'number' ? t('activity:errors.applicationCount') : t(`activity:errors.required.${spec.name}`);
    case 'invalid':
      if (spec.kind === 'date') {
        return t('activity:errors.invalidDate', { label });
      }
      if (spec.kind === 'instant') {
        return t('activity:errors.invalidStart');
      }
      if (spec.kind === 'number') {
        return t('activity:errors.applicationCount');
      }
      return spec.required ? t(`activity:errors.required.${spec.name}`) : t('activity:errors.checkField', { label });
    default:
      return t('activity:errors.checkField', { label });
  }
}
