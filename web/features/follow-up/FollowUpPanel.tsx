import { Alert, BodyShort, Box, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { PersonSummary } from '#common/schemas/person.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { useMe } from '#web/lib/queries.ts';
import { AssignmentSection } from './AssignmentSection.tsx';
import { useChangeFollowUpMode, useFollowUpMode } from './follow-up-api.ts';
import { KvpSection } from './KvpSection.tsx';
import { ReasonModal } from './ReasonModal.tsx';

/** A refusal of a switch said in words that fit it: someone switched meanwhile (409), or the register could not be asked. */
function modeFailureKey(error: unknown): string | null {
  if (error instanceof ApiError && error.code === 'conflict') {
    return 'followup:mode.errors.conflict';
  }
  return null;
}

/**
 * The advisor's panel about how a person is followed up: digital or manual (switched with a
 * reason), who follows them up, and KVP. Shown above the plan, below whom the advisor is looking at.
 */
export default function FollowUpPanel({ person }: { person: PersonSummary }) {
  const { t, i18n } = useTranslation(['followup']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const me = useMe();
  const mode = useFollowUpMode(person.id);
  const change = useChangeFollowUpMode(person.id);
  const [switching, setSwitching] = useState(false);
  const [done, setDone] = useState<'manual' | 'digital' | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const manual = mode.data?.manual ?? person.manualFollowUp;
  const latest = mode.data?.latest ?? null;
  const advisor = me.data?.role === 'advisor' ? me.data : null;

  // After a switch the button's text changes: focus goes to the message that says it worked.
  useEffect(() => {
    if (done) {
      doneRef.current?.focus();
    }
  }, [done]);

  return (
    <Box as="section" aria-labelledby="follow-up-heading" padding="space-16" borderWidth="1" borderColor="neutral-subtle" borderRadius="8" data-testid="follow-up-panel">
      <VStack gap="space-16">
        <Heading id="follow-up-heading" level="2" size="small">
          {t('followup:panel.heading')}
        </Heading>

        <VStack gap="space-8" align="start">
          <BodyShort weight="semibold" data-testid="follow-up-mode">
            {t(manual ? 'followup:mode.manual' : 'followup:mode.digital')}
          </BodyShort>
          {latest ? (
            <BodyShort size="small">
              {t(`followup:mode.changedBy.${latest.changedBy.side}`, { time: formatDateTime(language, latest.changedAt), ident: latest.changedBy.ident ?? '' })}
              {latest.reason ? ` ${t('followup:mode.reason', { reason: latest.reason })}` : ''}
            </BodyShort>
          ) : null}
          {done ? (
            <Alert variant="success" size="small" ref={doneRef} tabIndex={-1}>
              {t(`followup:mode.done.${done}`)}
            </Alert>
          ) : null}
          <Button size="small" variant="secondary" onClick={() => setSwitching(true)}>
            {t(manual ? 'followup:mode.toDigital.open' : 'followup:mode.toManual.open')}
          </Button>
        </VStack>

        <HStack gap="space-24" wrap>
          <AssignmentSection person={person} advisor={advisor} />
          {advisor ? <KvpSection person={person} advisor={advisor} /> : null}
        </HStack>
      </VStack>

      {switching ? (
        <ReasonModal
          heading={t(manual ? 'followup:mode.toDigital.heading' : 'followup:mode.toManual.heading', { name: `${person.givenName} ${person.familyName}` })}
          intro={t(manual ? 'followup:mode.toDigital.intro' : 'followup:mode.toManual.intro')}
          label={t('followup:mode.reasonLabel')}
          description={t('followup:mode.reasonHelp')}
          confirm={t(manual ? 'followup:mode.toDigital.confirm' : 'followup:mode.toManual.confirm')}
          failureKey={modeFailureKey}
          onClose={() => setSwitching(false)}
          onConfirm={async (reason) => {
            await change.mutateAsync({ manual: !manual, reason });
            setSwitching(false);
            setDone(manual ? 'digital' : 'manual');
          }}
        />
      ) : null}
    </Box>
  );
}
