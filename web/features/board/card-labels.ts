import type { TFunction } from 'i18next';
import type { TagProps } from '@navikt/ds-react';
import type { Language } from '#common/i18n/languages.ts';
import { formatDate, formatDateTime } from '#common/i18n/languages.ts';
import type { Activity } from '#common/schemas/activity.ts';

export interface CardLabel {
  key: string;
  text: string;
  color: NonNullable<TagProps['data-color']>;
}

/**
 * The labels on a card: agreed with NAV, the application's status, a change by the other side,
 * an advance notice not yet read, a suggestion from NAV, an unshared summary (for NAV), and the
 * labels a card from another system brings.
 */
export function cardLabels(activity: Activity, role: 'citizen' | 'advisor', t: TFunction): CardLabel[] {
  const labels: CardLabel[] = [];
  const notice = activity.advanceNotice;
  if (notice && notice.type !== 'NONE' && notice.readAt === null) {
    labels.push({ key: 'notice', text: t(`board:card.noticeUnread.${role}`), color: 'warning' });
  }
  if (activity.unread) {
    labels.push({ key: 'unread', text: t(`board:card.unread.${role}`), color: 'accent' });
  }
  if (activity.agreedWithNav) {
    labels.push({ key: 'agreed', text: t('board:card.agreed'), color: 'info' });
  }
  if (activity.status === 'SUGGESTED' && activity.proposedBy && activity.proposedBy !== 'CITIZEN' && role === 'citizen') {
    labels.push({ key: 'proposed', text: t('board:card.proposedByNav'), color: 'meta-purple' });
  }
  if (activity.applicationStatus) {
    labels.push({ key: 'application', text: t(`domain:applicationStatus.${activity.applicationStatus}`), color: 'neutral' });
  }
  const details = activity.details;
  const unsharedSummary =
    details.summaryShared !== true && (activity.type === 'CONVERSATION_SUMMARY' || (activity.type === 'MEETING' && typeof details.summary === 'string' && details.summary !== ''));
  if (unsharedSummary && role === 'advisor') {
    labels.push({ key: 'summary', text: t('board:card.summaryNotShared'), color: 'warning' });
  }
  if (activity.type === 'EXTERNAL' && Array.isArray(details.labels)) {
    (details.labels as { text?: unknown }[]).forEach((label, index) => {
      if (typeof label.text === 'string') {
        labels.push({ key: `external-${index}`, text: label.text, color: 'neutral' });
      }
    });
  }
  return labels;
}

/** The card's date line: a meeting's time, otherwise its from and to dates, in the page's language. */
export function cardDates(activity: Activity, language: Language, t: TFunction): string | null {
  const startsAt = activity.details.startsAt;
  if (activity.type === 'MEETING' && typeof startsAt === 'string') {
    return formatDateTime(language, startsAt);
  }
  const from = activity.fromDate ? formatDate(language, activity.fromDate) : null;
  const to = activity.toDate ? formatDate(language, activity.toDate) : null;
  if (from && to) {
    return t('board:card.dates.range', { from, to });
  }
  if (from) {
    return t('board:card.dates.from', { from });
  }
  return to ? t('board:card.dates.to', { to }) : null;
}
