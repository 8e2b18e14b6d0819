import { BodyShort, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { Activity, HistoryEntry } from '#common/schemas/activity.ts';
import { actorText, headingOf } from './format.ts';

interface Props {
  activity: Activity;
  history: HistoryEntry[];
  role: 'citizen' | 'advisor';
}

/** Type, title, status and labels, and who added and last changed the activity (NAV, never which advisor, for the citizen). */
export function ActivityHeader({ activity, history, role }: Props) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'nb';
  const created = history.find((entry) => entry.kind === 'CREATED');
  return (
    <VStack gap="space-8">
      <BodyShort weight="semibold" textColor="subtle">
        {t(`domain:activityType.${activity.type}`)}
      </BodyShort>
      <Heading level="1" size="large" id="activity-heading" tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
        {headingOf(activity, t)}
      </Heading>
      <HStack gap="space-8" data-testid="activity-tags">
        <Tag variant="neutral" size="small">
          {t('activity:detail.status', { status: t(`domain:status.${activity.status}`) })}
        </Tag>
        {activity.agreedWithNav ? (
          <Tag variant="info" size="small">
            {t('activity:detail.agreed')}
          </Tag>
        ) : null}
        {activity.applicationStatus ? (
          <Tag variant="success" size="small">
            {t(`domain:applicationStatus.${activity.applicationStatus}`)}
          </Tag>
        ) : null}
        {activity.status === 'SUGGESTED' && activity.proposedBy === 'ADVISOR' ? (
          <Tag variant="warning" size="small">
            {t('activity:detail.suggestedByNav')}
          </Tag>
        ) : null}
      </HStack>
      <BodyShort size="small" textColor="subtle">
        {created
          ? t('activity:detail.createdBy', { date: formatDateTime(lang, activity.createdAt), actor: actorText(t, role, created.changedBy) })
          : t('activity:detail.created', { date: formatDateTime(lang, activity.createdAt) })}
        {activity.version > 1 ? ` · ${t('activity:detail.changedBy', { date: formatDateTime(lang, activity.changedAt), actor: actorText(t, role, activity.changedBy) })}` : null}
      </BodyShort>
    </VStack>
  );
}
