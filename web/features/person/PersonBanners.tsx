import { Alert, BodyLong, BodyShort, Box, Button, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate, isLanguage, type Language } from '#common/i18n/languages.ts';
import type { PersonSummary } from '#common/schemas/person.ts';
import type { Plan } from '#common/schemas/plan.ts';
import { osloDate } from '#common/time.ts';
import { usePlanScope } from '#web/app/scope.tsx';
import { usePerson, usePlan } from '#web/lib/queries.ts';
import { advisorBanners, citizenBanners, type AdvisorBanner, type CitizenBanner } from './banner-states.ts';
import { CitizenManualDetails, SwitchedToDigital } from './CitizenManualDetails.tsx';
import { formatNationalId } from './format.ts';

// The confirmation is loaded only when an advisor asks to start a period.
const StartPeriodModal = lazy(() => import('./StartPeriodModal.tsx'));
// The advisor's follow-up panel (mode, assignment, KVP) is not part of anyone's first load.
const FollowUpPanel = lazy(() => import('#web/features/follow-up/FollowUpPanel.tsx'));

/** Where a person checks or changes their contact details and reservation (the contact register, at norge.no). */
const CONTACT_REGISTER_URL = 'https://www.norge.no/nb/digital-borgar/oppdater-kontaktinformasjon';
const NAV_CONTACT_URL = 'https://www.nav.no/kontaktoss';

/** How strongly each banner speaks: a citizen's own choice (reserved) is information, for the advisor a limit. */
const CITIZEN_VARIANT: Record<CitizenBanner, 'info' | 'warning'> = {
  noPeriod: 'info',
  periodEnded: 'info',
  reserved: 'info',
  manual: 'info',
  outdated: 'warning',
  notRegistered: 'warning',
};
const ADVISOR_VARIANT: Record<AdvisorBanner, 'info' | 'warning'> = {
  protected: 'warning',
  kvp: 'info',
  noPeriod: 'info',
  periodEnded: 'info',
  manual: 'warning',
  reserved: 'warning',
  outdated: 'warning',
  notRegistered: 'warning',
  registerUnavailable: 'warning',
};

/** Links a banner offers, by side and banner; the text is the catalogue's `link` of that banner. */
const CITIZEN_LINKS: Partial<Record<CitizenBanner, string>> = {
  reserved: CONTACT_REGISTER_URL,
  outdated: CONTACT_REGISTER_URL,
  notRegistered: CONTACT_REGISTER_URL,
  noPeriod: NAV_CONTACT_URL,
  periodEnded: NAV_CONTACT_URL,
  manual: NAV_CONTACT_URL,
};

function Banner({ variant, title, children }: { variant: 'info' | 'warning' | 'success'; title: string; children: ReactNode }) {
  return (
    <Alert variant={variant}>
      <Heading level="2" size="xsmall" spacing>
        {title}
      </Heading>
      <VStack gap="space-8" align="start">
        {children}
      </VStack>
    </Alert>
  );
}

/** The dates of the period shown (without a current one: the last that ended), for the ended-period banner. */
function periodSpan(language: Language, plan: Plan | undefined): { from: string; to: string } {
  const day = (iso: string | null | undefined) => (iso ? formatDate(language, osloDate(new Date(iso))) : '');
  return { from: day(plan?.period?.startedAt), to: day(plan?.period?.endedAt) };
}

/**
 * The top of a person's board: why the plan cannot be changed, in plain words, and what the person
 * can do; for an advisor also whom they are looking at and what to take care with.
 */
export function PersonBanners() {
  const { personId, role } = usePlanScope();
  const person = usePerson(personId);
  // The board's unfiltered read: the current period, or without one the last that ended.
  const plan = usePlan(personId);
  // Errors are the board's to tell; the banners speak only of what is known.
  if (!person.data) {
    return null;
  }
  return role === 'advisor' ? <AdvisorView person={person.data} plan={plan.data} /> : <CitizenView person={person.data} plan={plan.data} />;
}

function CitizenView({ person, plan }: { person: PersonSummary; plan: Plan | undefined }) {
  const { t, i18n } = useTranslation(['person']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const banners = citizenBanners(person, plan);
  // Once the citizen has switched to digital themself, the manual banner goes and this says so.
  const [switched, setSwitched] = useState(false);
  if (banners.length === 0 && !switched) {
    return null;
  }
  return (
    <VStack gap="space-12" as="section" aria-label={t('person:banners.citizenRegion')}>
      {switched && !banners.includes('manual') ? <SwitchedToDigital /> : null}
      {banners.map((key) => {
        const link = CITIZEN_LINKS[key];
        return (
          <Banner key={key} variant={CITIZEN_VARIANT[key]} title={t(`person:banners.citizen.${key}.title`)}>
            <BodyLong>{t(`person:banners.citizen.${key}.text`, periodSpan(language, plan))}</BodyLong>
            {key === 'manual' ? <CitizenManualDetails personId={person.id} reason={person.manualReason ?? null} onSwitched={() => setSwitched(true)} /> : null}
            {link ? <Link href={link}>{t(`person:banners.citizen.${key}.link`)}</Link> : null}
          </Banner>
        );
      })}
    </VStack>
  );
}

function AdvisorView({ person, plan }: { person: PersonSummary; plan: Plan | undefined }) {
  const { t, i18n } = useTranslation(['person']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const [confirming, setConfirming] = useState(false);
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const startedRef = useRef<HTMLDivElement>(null);
  const banners = advisorBanners(person, plan);
  const name = `${person.givenName} ${person.familyName}`;

  // After a period is started the button is gone: focus goes to the message that says it worked.
  useEffect(() => {
    if (startedAt) {
      startedRef.current?.focus();
    }
  }, [startedAt]);

  return (
    <VStack gap="space-12" as="section" aria-label={t('person:banners.advisorRegion')}>
      <Box padding="space-16" background="neutral-soft" borderRadius="8">
        <HStack justify="space-between" align="start" gap="space-8" wrap>
          {/* The board's heading names the person too; this says precisely who it is. */}
          <VStack gap="space-4">
            <BodyShort weight="semibold" size="large">
              {name}
            </BodyShort>
            {person.nationalId ? <BodyShort>{t('person:identity.nationalId', { nationalId: formatNationalId(person.nationalId) })}</BodyShort> : null}
            <BodyShort>{t('person:identity.office', { office: person.office.name ?? person.office.id })}</BodyShort>
          </VStack>
          <VStack gap="space-4" align="end">
            <Link as={RouterLink} to="/">
              {t('person:identity.workspace')}
            </Link>
            <Link as={RouterLink} to="/find">
              {t('person:identity.findAnother')}
            </Link>
          </VStack>
        </HStack>
      </Box>

      {startedAt ? (
        <Alert variant="success" ref={startedRef} tabIndex={-1}>
          {t('person:startPeriod.started', { date: formatDate(language, osloDate(new Date(startedAt))) })}
        </Alert>
      ) : null}

      {banners.map((key) => (
        <Banner key={key} variant={ADVISOR_VARIANT[key]} title={t(`person:banners.advisor.${key}.title`)}>
          <BodyLong>{t(`person:banners.advisor.${key}.text`, periodSpan(language, plan))}</BodyLong>
          {key === 'noPeriod' || key === 'periodEnded' ? (
            <Button size="small" onClick={() => setConfirming(true)}>
              {t('person:startPeriod.button')}
            </Button>
          ) : null}
        </Banner>
      ))}

      <Suspense fallback={null}>
        <FollowUpPanel person={person} />
      </Suspense>

      {confirming ? (
        <Suspense fallback={null}>
          <StartPeriodModal personId={person.id} name={name} onClose={() => setConfirming(false)} onStarted={(at) => setStartedAt(at)} />
        </Suspense>
      ) : null}
    </VStack>
  );
}
