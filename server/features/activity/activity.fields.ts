import { validationError } from '#common/errors.ts';
import type { ActivityCreateInput, ActivityEditInput } from '#common/schemas/activity.ts';
import { osloDate } from '#common/time.ts';

/** The stored columns of an activity's content, split into common columns and type-specific details. */
export interface ContentColumns {
  title: string | null;
  description: string | null;
  fromDate: string | null;
  toDate: string | null;
  link: string | null;
  details: Record<string, unknown>;
}

type ContentInput = ActivityCreateInput | ActivityEditInput;

function assertOrder(fromDate: string | null | undefined, toDate: string | null | undefined): void {
  if (fromDate && toDate && toDate < fromDate) {
    throw validationError('body.toDate', 'cannot be before fromDate');
  }
}

/**
 * Maps a create or edit body to the stored columns. `previous` holds details that the content
 * form does not carry (a meeting's summary) so an edit keeps them.
 */
export function contentColumns(input: ContentInput, previous: Record<string, unknown> = {}): ContentColumns {
  switch (input.type) {
    case 'JOB_APPLICATION':
      assertOrder(input.fromDate, input.toDate);
      return {
        title: input.title,
        description: input.description,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        link: input.link,
        details: { employer: input.employer, contactPerson: input.contactPerson, workplace: input.workplace },
      };
    case 'CURRENT_JOB':
      assertOrder(input.fromDate, input.toDate);
      return {
        title: input.title,
        description: input.description,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        link: null,
        details: { workingHours: input.workingHours, employer: input.employer, employmentType: input.employmentType },
      };
    case 'SELF_DIRECTED':
      assertOrder(input.fromDate, input.toDate);
      return {
        title: input.title,
        description: input.description,
        fromDate: input.fromDate,
        toDate: input.toDate,
        link: input.link,
        details: { purpose: input.purpose, checklist: input.checklist },
      };
    case 'MEDICAL_TREATMENT':
      assertOrder(input.fromDate, input.toDate);
      return {
        title: null,
        description: input.description,
        fromDate: input.fromDate,
        toDate: input.toDate,
        link: null,
        details: {
          treatmentType: input.treatmentType,
          treatmentPlace: input.treatmentPlace,
          expectedEffect: input.expectedEffect,
          navFollowUp: input.navFollowUp,
        },
      };
    case 'JOB_SEARCH_AGREEMENT':
      assertOrder(input.fromDate, input.toDate);
      return {
        title: null,
        description: input.description,
        fromDate: input.fromDate,
        toDate: input.toDate,
        link: null,
        details: { applicationCount: input.applicationCount, countPer: input.countPer, navFollowUp: input.navFollowUp },
      };
    case 'MEETING': {
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      return {
        title: input.title,
        description: input.agenda,
        fromDate: osloDate(startsAt),
        toDate: osloDate(endsAt),
        link: null,
        details: {
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          durationMinutes: input.durationMinutes,
          channel: input.channel,
          place: input.place,
          preparations: input.preparations,
          summary: previous.summary ?? null,
          summaryShared: previous.summaryShared ?? false,
        },
      };
    }
    case 'CONVERSATION_SUMMARY':
      return {
        title: input.title,
        description: null,
        fromDate: input.fromDate,
        toDate: null,
        link: null,
        details: { channel: input.channel, summary: previous.summary ?? null, summaryShared: previous.summaryShared ?? false },
      };
  }
}

/** True when any stored content differs, so an edit that changes nothing writes no version. */
export function contentChanged(before: ContentColumns, after: ContentColumns): boolean {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.fromDate !== after.fromDate ||
    before.toDate !== after.toDate ||
    before.link !== after.link ||
    !sameDetails(before.details, after.details)
  );
}

/** Compares details key by key: jsonb does not keep the key order an object was built with. */
export function sameDetails(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) {
      return false;
    }
  }
  return true;
}
