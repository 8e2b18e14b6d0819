import type { ActivityType } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { LIMITS } from '#common/limits.ts';

/**
 * What each type's form holds, in the order shown: one list serves the forms' error texts, the
 * edit form's prefill, the conflict comparison and the detail view. The field names are those of
 * ActivityCreateSchema / ActivityEditSchema in #common/schemas/activity-input.ts.
 */
export type FieldKind = 'text' | 'longText' | 'date' | 'choice' | 'number' | 'instant' | 'duration' | 'link';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  max?: number;
  /** The catalogue key of its label when it differs from `activity:fields.<name>`. */
  label?: string;
  /** Given when the activity is created only (a summary then has its own form). */
  createOnly?: boolean;
}

export type FormType = Exclude<ActivityType, 'EXTERNAL'>;

const text = (name: string, max: number, required = false, label?: string): FieldSpec => ({ name, kind: 'text', required, max, label });
const long = (name: string, max: number, required = false, label?: string): FieldSpec => ({ name, kind: 'longText', required, max, label });
const date = (name: string, required: boolean, label?: string): FieldSpec => ({ name, kind: 'date', required, label });
const choice = (name: string): FieldSpec => ({ name, kind: 'choice', required: true });

export const FIELD_SPECS: Record<FormType, FieldSpec[]> = {
  JOB_APPLICATION: [
    text('title', LIMITS.title, true, 'fields.jobTitle'),
    text('employer', LIMITS.shortText),
    text('workplace', LIMITS.shortText),
    text('contactPerson', LIMITS.shortText),
    date('fromDate', true),
    date('toDate', false, 'fields.deadline'),
    long('description', LIMITS.description),
    { name: 'link', kind: 'link', required: false, max: LIMITS.link, label: 'fields.jobLink' },
  ],
  CURRENT_JOB: [
    text('title', LIMITS.title, true, 'fields.jobTitle'),
    text('employer', LIMITS.shortText),
    choice('workingHours'),
    text('employmentType', LIMITS.shortText),
    date('fromDate', true),
    date('toDate', false),
    long('description', LIMITS.description),
  ],
  SELF_DIRECTED: [
    text('title', LIMITS.title, true),
    long('purpose', LIMITS.shortText),
    date('fromDate', true),
    date('toDate', true),
    long('description', LIMITS.description),
    long('checklist', LIMITS.shortText),
    { name: 'link', kind: 'link', required: false, max: LIMITS.link },
  ],
  MEDICAL_TREATMENT: [
    text('treatmentType', LIMITS.title, true),
    text('treatmentPlace', LIMITS.shortText, true),
    date('fromDate', true),
    date('toDate', true),
    long('expectedEffect', LIMITS.shortText),
    long('navFollowUp', LIMITS.shortText),
    long('description', LIMITS.medicalDescription),
  ],
  JOB_SEARCH_AGREEMENT: [
    { name: 'applicationCount', kind: 'number', required: true },
    choice('countPer'),
    date('fromDate', true),
    date('toDate', true),
    long('navFollowUp', LIMITS.shortText),
    long('description', LIMITS.description),
  ],
  MEETING: [
    text('title', LIMITS.title, true),
    { name: 'startsAt', kind: 'instant', required: true },
    { name: 'durationMinutes', kind: 'duration', required: true },
    choice('channel'),
    text('place', LIMITS.shortText, true),
    long('agenda', LIMITS.description, true),
    long('preparations', LIMITS.meetingPreparations),
  ],
  CONVERSATION_SUMMARY: [
    text('title', LIMITS.title, true),
    date('fromDate', true, 'fields.conversationDate'),
    choice('channel'),
    { ...long('summary', LIMITS.summary, true), createOnly: true },
  ],
};

export const isFormType = (type: ActivityType): type is FormType => type !== 'EXTERNAL';

export function specOf(type: FormType, name: string): FieldSpec | undefined {
  return FIELD_SPECS[type].find((spec) => spec.name === name);
}

export const labelKey = (spec: FieldSpec): string => `activity:${spec.label ?? `fields.${spec.name}`}`;

/** Stable ids, so that the error summary can link to each field. */
export const fieldId = (name: string): string => `activity-field-${name}`;

/** A field's stored value on an activity: common columns, the meeting's agenda (its description) or a detail. */
export function storedValue(activity: Activity, name: string): unknown {
  switch (name) {
    case 'title':
    case 'description':
    case 'fromDate':
    case 'toDate':
    case 'link':
      return activity[name];
    case 'agenda':
      return activity.description;
    default:
      return activity.details[name] ?? null;
  }
}
