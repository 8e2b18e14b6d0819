import { Alert, BodyLong, Button } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { useChangeFollowUpMode, useFollowUpMode } from '#web/features/follow-up/follow-up-api.ts';
import { ApiError } from '#web/lib/api-client.ts';

/** Why a switch was refused, in the citizen's words: reserved in the register (409), or the register could not be asked (503). */
function switchFailureKey(error: unknown): string {
  if (error instanceof ApiError && error.code === 'conflict') {
    return 'person:banners.citizen.manual.errors.conflict';
  }
  if (error instanceof ApiError && error.code === 'service_unavailable' && error.status !== 0) {
    return 'person:banners.citizen.manual.errors.unavailable';
  }
  return errorTextKey(error);
}

/**
 * Inside the citizen's "followed up on paper" banner: NAV's reason for it (PersonSummary.manualReason), and — when the citizen
 * may (not reserved, the register answered) — the button that switches them to digital follow-up,
 * after which the plan is read again, writable.
 */
export function CitizenManualDetails({ personId, reason, onSwitched }: { personId: string; reason: string | null; onSwitched: () => void }) {
  const { t } = useTranslation(['person', 'app']);
  const mode = useFollowUpMode(personId);
  const change = useChangeFollowUpMode(personId);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (change.isError) {
      failureRef.current?.focus();
    }
  }, [change.isError]);

  return (
    <>
      {reason ? (
        <BodyLong data-testid="manual-reason">
          {t('person:banners.citizen.manual.reason', { reason })}
        </BodyLong>
      ) : null}
      {mode.data?.citizenMaySwitchToDigital ? (
        <>
          <BodyLong>{t('person:banners.citizen.manual.switchHelp')}</BodyLong>
          <Button size="small" loading={change.isPending} onClick={() => void change.mutateAsync({ manual: false }).then(onSwitched, () => undefined)}>
            {t('person:banners.citizen.manual.switch')}
          </Button>
        </>
      ) : mode.data ? (
        <BodyLong>{t('person:banners.citizen.manual.askAdvisor')}</BodyLong>
      ) : null}
      {change.isError ? (
        <Alert variant="error" size="small" role="alert" ref={failureRef} tabIndex={-1}>
          {t(switchFailureKey(change.error))}
        </Alert>
      ) : null}
    </>
  );
}

/** Said once the citizen has switched to digital: the plan can be changed again. Takes focus, since the button is gone. */
export function SwitchedToDigital() {
  const { t } = useTranslation(['person']);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert variant="success" ref={ref} tabIndex={-1} data-testid="switched-to-digital">
      {t('person:banners.citizen.manual.switched')}
    </Alert>
  );
}
