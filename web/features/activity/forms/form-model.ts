import type { Activity } from '#common/schemas/activity.ts';
import { FIELD_SPECS, storedValue, type FieldSpec, type FormType } from './field-specs.ts';

/**
 * The values a form holds. Keys are exactly the schema's fields (the schemas are strict), text
 * fields hold strings ('' when empty), dates 'YYYY-MM-DD' or null (or the text typed when it is
 * not a date, so that the schema refuses it), numbers a number or NaN.
 */
export type FormValues = Record<string, unknown> & { type: FormType };

function emptyValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'date':
    case 'instant':
      return null;
    case 'number':
    case 'duration':
      return Number.NaN;
    case 'choice':
      return undefined;
    default:
      return '';
  }
}

function fromStored(spec: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) {
    return emptyValue(spec);
  }
  return value;
}

/** A new activity of this type: empty fields, PLANNED unless the person chooses a suggestion. */
export function createDefaults(type: FormType): FormValues {
  const values: FormValues = { type };
  for (const spec of FIELD_SPECS[type]) {
    values[spec.name] = emptyValue(spec);
  }
  if (type === 'MEETING') {
    values.durationMinutes = 30;
    values.channel = 'IN_PERSON';
  } else if (type === 'CONVERSATION_SUMMARY') {
    values.share = false;
  } else {
    values.status = 'PLANNED';
  }
  return values;
}

/** The edit form of an activity: its stored values and the version read. */
export function editValues(activity: Activity & { type: FormType }): FormValues {
  const values: FormValues = { type: activity.type, version: activity.version };
  for (const spec of FIELD_SPECS[activity.type].filter((s) => !s.createOnly)) {
    values[spec.name] = fromStored(spec, storedValue(activity, spec.name));
  }
  return values;
}

/** Comparable text of a form or stored value (empty text and null are the same "nothing"). */
export function comparable(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
    return '';
  }
  if (typeof value === 'string') {
    return value.trim();
  }
  return String(value);
}
