/** Field limits shared by the web forms and the server (product.md C1; reference frontend §4). */
export const LIMITS = {
  title: 100,
  shortText: 255,
  description: 5000,
  medicalDescription: 400,
  link: 2000,
  closingReason: 255,
  goal: 500,
  advanceNoticeText: 500,
  meetingPreparations: 500,
  summary: 5000,
  message: 5000,
  threadSubject: 100,
  escalationReason: 500,
  applicationsPerPeriodMax: 99,
} as const;

/** Meeting durations offered: 15, 30, 45 minutes, then every half hour up to 7.5 hours. */
export const MEETING_DURATIONS: readonly number[] = [15, 30, 45, ...Array.from({ length: 14 }, (_, i) => 60 + i * 30)];

/** An advance notice may be sent only when the activity ends more than this many days ahead. */
export const ADVANCE_NOTICE_MIN_DAYS_AHEAD = 7;
