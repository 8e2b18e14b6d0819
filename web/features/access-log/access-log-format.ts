import { formatDate, type Language } from '#common/i18n/languages.ts';
import type { AccessLog, AuditSubject } from '#common/schemas/follow-up.ts';
import { OSLO_TIME_ZONE, osloDate } from '#common/time.ts';

export type Visit = AccessLog['visits'][number];

const TIME_LOCALE: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/** A time of day in Oslo, the language's own way ("09:30"). */
export function osloTime(language: Language, instant: string): string {
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(TIME_LOCALE[language], { hour: '2-digit', minute: '2-digit', timeZone: OSLO_TIME_ZONE });
    timeFormats.set(language, format);
  }
  return format.format(new Date(instant));
}

/**
 * When a visit was, for the citizen's page: its Oslo date and the times of its first and last
 * record ("from" is where its half hour starts, never later than the first record). One time
 * when they are the same minute.
 */
export function visitWhen(language: Language, visit: Pick<Visit, 'from' | 'to'>): { date: string; from: string; to: string; single: boolean } {
  const from = osloTime(language, visit.from);
  const to = osloTime(language, visit.to);
  return { date: formatDate(language, osloDate(new Date(visit.from))), from, to, single: from === to };
}

/**
 * What the advisor opened and what they changed, each subject once, in the order of AUDIT_SUBJECTS.
 * Opening is implied by changing, so a subject changed is not also listed as opened.
 */
export function visitSubjects(visit: Pick<Visit, 'opened' | 'changed'>, order: readonly AuditSubject[]): { opened: AuditSubject[]; changed: AuditSubject[] } {
  const changed = order.filter((subject) => visit.changed.includes(subject));
  const opened = order.filter((subject) => visit.opened.includes(subject) && !changed.includes(subject));
  return { opened, changed };
}

/** The visits on one Oslo date together, newest first as the server sends them. */
export function byDate(visits: readonly Visit[]): { date: string; visits: Visit[] }[] {
  const groups: { date: string; visits: Visit[] }[] = [];
  for (const visit of visits) {
    const date = osloDate(new Date(visit.from));
    const last = groups.at(-1);
    if (last?.date === date) {
      last.visits.push(visit);
    } else {
      groups.push({ date, visits: [visit] });
    }
  }
  return groups;
}
