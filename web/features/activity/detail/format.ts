import type { TFunction } from 'i18next';
import type { Activity } from '#common/schemas/activity.ts';

/** "45 minutter", "1 time", "1 time og 30 minutter" in the page's language. */
export function durationText(t: TFunction, minutes: number): string {
  if (minutes < 60) {
    return t('activity:duration.minutes', { count: minutes });
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('activity:duration.hours', { count: hours }) : t('activity:duration.hoursMinutes', { count: hours, minutes: rest });
}

/** The heading of an activity: its title, the treatment for a medical treatment, else its type. */
export function headingOf(activity: Pick<Activity, 'title' | 'type' | 'details'>, t: TFunction): string {
  const treatment = activity.details.treatmentType;
  return activity.title?.trim() || (typeof treatment === 'string' && treatment.trim()) || t(`domain:activityType.${activity.type}`);
}

/**
 * Who made a change, as this side may see it: the citizen reads "you" or "NAV" (never which
 * advisor); an advisor reads "the citizen" or the colleague's NAV ident.
 */
export function actorText(t: TFunction, role: 'citizen' | 'advisor', changedBy: Activity['changedBy']): string {
  switch (changedBy.role) {
    case 'CITIZEN':
      return role === 'citizen' ? t('activity:actor.you') : t('activity:actor.citizen');
    case 'ADVISOR':
      return role === 'advisor' && changedBy.ident ? t('activity:actor.advisor', { ident: changedBy.ident }) : t('activity:actor.nav');
    case 'EMPLOYER':
      return t('activity:actor.employer');
    default:
      return t('activity:actor.nav');
  }
}

/**
 * A link is shown as a link only when it is http or https (a scheme-less "www.…" is read as
 * https); anything else (javascript:, data:, …) stays plain text.
 */
export function safeHref(value: string): string | null {
  const text = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[\w-]+(\.[\w-]+)+([/?#:].*)?$/.test(text) ? `https://${text}` : null;
  if (!withScheme) {
    return null;
  }
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
