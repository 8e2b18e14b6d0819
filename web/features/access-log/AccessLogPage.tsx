import { BodyLong, BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, isLanguage, type Language } from '#common/i18n/languages.ts';
import { AUDIT_SUBJECTS, type AccessLog, type AuditSubject } from '#common/schemas/follow-up.ts';
import { usePlanScope } from '#web/app/scope.tsx';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { api, queryString } from '#web/lib/api-client.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { byDate, visitSubjects, visitWhen, type Visit } from './access-log-format.ts';

/**
 * The citizen's page "who at NAV has looked at my plan" (product.md C3): one row per advisor and
 * half hour with name, office, when, and what they opened or changed; newest first, older on request.
 */
export default function AccessLogPage() {
  const { t, i18n } = useTranslation(['accesslog']);
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const { personId } = usePlanScope();
  useDocumentTitle(t('accesslog:title'));
  const log = useInfiniteQuery({
    queryKey: ['person', personId, 'access-log'],
    queryFn: ({ pageParam }) => api.get<AccessLog>(`/api/persons/${personId}/access-log${queryString({ before: pageParam ?? undefined })}`, { background: 'auto' }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.more ? (last.visits.at(-1)?.from ?? null) : null),
  });
  const visits = log.data?.pages.flatMap((page) => page.visits) ?? [];

  return (
    <VStack gap="space-24" style={{ maxWidth: '48rem' }}>
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {t('accesslog:title')}
        </Heading>
        <BodyLong>{t('accesslog:intro')}</BodyLong>
      </VStack>
      {log.isError ? <ApiErrorAlert error={log.error} /> : null}
      {log.isPending ? (
        <PageLoader />
      ) : log.data && visits.length === 0 ? (
        <Box padding="space-16" background="neutral-soft" borderRadius="8" data-testid="access-log-empty">
          <BodyLong>{t('accesslog:empty')}</BodyLong>
        </Box>
      ) : (
        byDate(visits).map((group) => (
          <section key={group.date} aria-labelledby={`access-${group.date}`}>
            <Heading id={`access-${group.date}`} level="2" size="small" spacing>
              {formatDate(language, group.date)}
            </Heading>
            <Box as="ul" margin="space-0" padding="space-0" style={{ listStyle: 'none' }}>
              {group.visits.map((visit) => (
                <VisitRow key={`${visit.from}-${visit.advisor.name}-${visit.office.id ?? ''}`} visit={visit} language={language} />
              ))}
            </Box>
          </section>
        ))
      )}
      {log.hasNextPage ? (
        <div>
          <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('accesslog:older')}
          </Button>
        </div>
      ) : null}
    </VStack>
  );
}

function VisitRow({ visit, language }: { visit: Visit; language: Language }) {
  const { t } = useTranslation(['accesslog']);
  const when = visitWhen(language, visit);
  const { opened, changed } = visitSubjects(visit, AUDIT_SUBJECTS);
  const names = (subjects: AuditSubject[]) => subjects.map((subject) => t(`accesslog:subjects.${subject}`)).join(', ');
  return (
    <Box as="li" paddingBlock="space-12" borderWidth="0 0 1 0" borderColor="neutral-subtle" data-testid="access-visit">
      <VStack gap="space-4">
        <BodyShort weight="semibold">{t('accesslog:who', { name: visit.advisor.name, office: visit.office.name ?? visit.office.id ?? t('accesslog:unknownOffice') })}</BodyShort>
        <BodyShort size="small">{when.single ? t('accesslog:at', { time: when.from }) : t('accesslog:between', { from: when.from, to: when.to })}</BodyShort>
        {opened.length > 0 ? <BodyShort size="small">{t('accesslog:opened', { subjects: names(opened) })}</BodyShort> : null}
        {changed.length > 0 ? <BodyShort size="small">{t('accesslog:changed', { subjects: names(changed) })}</BodyShort> : null}
      </VStack>
    </Box>
  );
}
