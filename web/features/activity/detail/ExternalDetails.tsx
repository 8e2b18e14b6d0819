import { BodyShort, Box, Heading, HStack, Link, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { formatDate, isLanguage } from '#common/i18n/languages.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { ExternalDetails as Details } from '#common/schemas/external.ts';
import { FactList, type Fact } from './ActivityFields.tsx';
import { safeHref } from './format.ts';

function TaskLink({ url, text }: { url: string; text: string }) {
  const { t } = useTranslation();
  const href = safeHref(url);
  return href ? (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {text} <span className="aksel-sr-only">{t('activity:detail.opensInNewTab')}</span>
    </Link>
  ) : (
    <BodyShort>{text}</BodyShort>
  );
}

/**
 * A card from another system: what the person (or NAV) is asked to do, its links, its facts and
 * labels. The server already picked this side's task and links; nothing here can be changed.
 */
export function ExternalDetails({ activity }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  const details = activity.details as Partial<Details>;
  const task = details.task?.external ?? details.task?.internal ?? null;
  const lang = isLanguage(i18n.language) ? i18n.language : 'nb';
  const facts: Fact[] = [
    { label: t('activity:fields.fromDate'), value: activity.fromDate ? formatDate(lang, activity.fromDate) : t('activity:detail.noDate') },
    { label: t('activity:fields.toDate'), value: activity.toDate ? formatDate(lang, activity.toDate) : t('activity:detail.noDate') },
    ...(details.facts ?? []).map((fact) => ({ label: fact.label, value: fact.value })),
  ];
  if (activity.description) {
    facts.push({ label: t('activity:fields.description'), value: activity.description });
  }
  return (
    <VStack gap="space-16">
      {task ? (
        <Box padding="space-16" borderRadius="8" background="info-soft">
          <VStack gap="space-8">
            <Heading level="3" size="small">
              {task.text}
            </Heading>
            {task.subtext ? <BodyShort>{task.subtext}</BodyShort> : null}
            <TaskLink url={task.url} text={t('activity:external.goToTask')} />
          </VStack>
        </Box>
      ) : null}
      {details.labels && details.labels.length > 0 ? (
        <HStack gap="space-8">
          {details.labels.map((label) => (
            <Tag key={`${label.code ?? ''}${label.text}`} variant={label.sentiment === 'POSITIVE' ? 'success' : 'neutral'} size="small">
              {label.text}
            </Tag>
          ))}
        </HStack>
      ) : null}
      <FactList facts={facts} />
      {details.actions && details.actions.length > 0 ? (
        <VStack as="ul" gap="space-8" style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {details.actions.map((action) => (
            <li key={action.url + action.text}>
              <TaskLink url={action.url} text={action.text} />
              {action.subtext ? <BodyShort size="small">{action.subtext}</BodyShort> : null}
            </li>
          ))}
        </VStack>
      ) : null}
      <BodyShort>{t('activity:external.readOnly')}</BodyShort>
    </VStack>
  );
}
