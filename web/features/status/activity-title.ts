import type { TFunction } from 'i18next';
import type { Activity } from '#common/schemas/activity.ts';

/** What a person calls the activity: its title, or its type when it has none (a job search agreement). */
export function activityTitle(activity: Pick<Activity, 'title' | 'type'>, t: TFunction): string {
  return activity.title?.trim() || t(`domain:activityType.${activity.type}`);
}
