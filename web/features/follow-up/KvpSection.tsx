import { BodyShort, Button, Detail, Heading, ReadMore, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isLanguage, type Language } from '#common/i18n/languages.ts';
import type { KvpPeriod } from '#common/schemas/follow-up.ts';
import type { Me, PersonSummary } from '#common/schemas/person.ts';
import { osloDate } from '#common/time.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { useChangeKvp, useKvpPeriods } from './follow-up-api.ts';
import { ReasonModal } from './ReasonModal.tsx';
import '@navikt/ds-css/dist/component/readmore.css';

type Advisor = Extract<Me, { role: 'advisor' }>;

function kvpFailureKey(error: unknown): string | null {
  return error instanceof ApiError && error.code === 'conflict' ? 'followup:kvp.errors.conflict' : null;
}

/**
 * The ended KVP periods this advisor may see (the server lists only those of their own offices),
 * newest first: when, where, and the reasons given for starting and ending each.
 */
function EarlierPeriods({ periods, language, office }: { periods: KvpPeriod[]; language: Language; office: (id: string) => string }) {
  const { t } = useTranslation(['followup']);
  const day = (instant: string) => formatDate(language, osloDate(new Date(instant)));
  return (
    <ReadMore header={t('followup:kvp.earlier', { count: periods.length })}>
      <VStack as="ol" gap="space-12" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} data-testid="kvp-earlier">
        {periods.map((period) => (
          <li key={period.id}>
            <BodyShort weight="semibold">{t('followup:kvp.period', { from: day(period.startedAt), to: day(period.endedAt!), office: office(period.officeId) })}</BodyShort>
            <Detail>{t('followup:kvp.startedBecause', { reason: period.startReason })}</Detail>
            <Detail>
              {period.endedBy === 'SYSTEM' && period.endReason === 'OFFICE_CHANGED'
                ? t('followup:kvp.endedOfficeChanged')
                : t('followup:kvp.endedBecause', { reason: period.endReason ?? '' })}
            </Detail>
          </li>
        ))}
      </VStack>
    </ReadMore>
  );
}

/**
 * KVP (the qualification programme): while a KVP period is open, new activities and messages are
 * seen only by advisors at its office. Started by an advisor at the person's office, ended by one
 * at the KVP office; both with a reason. Earlier periods are listed below.
 */
export function KvpSection({ person, advisor }: { person: PersonSummary; advisor: Advisor }) {
  const { t, i18n } = useTranslation(['followup']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const change = useChangeKvp(person.id);
  const periods = useKvpPeriods(person.id);
  // The server lists them newest first.
  const earlier = (periods.data ?? []).filter((period) => period.endedAt !== null);
  const [open, setOpen] = useState(false);
  // From the person summary (advisors get it): the open period's office and start.
  const current = person.kvp ?? null;
  const office = (id: string) => advisor.offices.find((o) => o.id === id)?.name ?? (id === person.office.id ? person.office.name : null) ?? id;
  const mayChange = current ? advisor.offices.some((o) => o.id === current.officeId) : advisor.offices.some((o) => o.id === person.office.id);

  return (
    <VStack gap="space-8" align="start" style={{ flex: '1 1 18rem' }} data-testid="kvp">
      <Heading level="3" size="xsmall">
        {t('followup:kvp.heading')}
      </Heading>
      <BodyShort>
        {current ? t('followup:kvp.open', { date: formatDate(language, osloDate(new Date(current.startedAt))), office: office(current.officeId) }) : t('followup:kvp.none')}
      </BodyShort>
      {mayChange ? (
        <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
          {t(current ? 'followup:kvp.end.open' : 'followup:kvp.start.open')}
        </Button>
      ) : null}
      {earlier.length > 0 ? <EarlierPeriods periods={earlier} language={language} office={office} /> : null}
      {open ? (
        <ReasonModal
          heading={t(current ? 'followup:kvp.end.heading' : 'followup:kvp.start.heading')}
          intro={t(current ? 'followup:kvp.end.intro' : 'followup:kvp.start.intro')}
          label={t('followup:kvp.reasonLabel')}
          description={t('followup:kvp.reasonHelp')}
          confirm={t(current ? 'followup:kvp.end.confirm' : 'followup:kvp.start.confirm')}
          failureKey={kvpFailureKey}
          onClose={() => setOpen(false)}
          onConfirm={async (reason) => {
            await change.mutateAsync({ reason, end: current !== null });
            setOpen(false);
          }}
        />
      ) : null}
    </VStack>
  );
}
