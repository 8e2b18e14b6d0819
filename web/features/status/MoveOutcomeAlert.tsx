import { Alert, BodyShort } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { activityTitle } from './activity-title.ts';
import type { MoveOutcome } from './useChangeStatus.tsx';

/**
 * Says why a move did not happen. A stale move names where the activity is now (the board has
 * already been read again), so the person can look and decide again.
 */
export function MoveOutcomeAlert({ outcome, onClose }: { outcome: MoveOutcome; onClose: () => void }) {
  const { t } = useTranslation(['status', 'domain', 'app']);
  if (outcome.kind === 'stale') {
    const title = activityTitle(outcome.current, t);
    return (
      <Alert variant="warning" role="alert" closeButton onClose={onClose} data-testid="move-stale">
        <BodyShort weight="semibold">{t('status:stale.heading', { title })}</BodyShort>
        <BodyShort>
          {t('status:stale.now', { status: t(`domain:status.${outcome.current.status}`) })} {t('status:stale.what')}
        </BodyShort>
      </Alert>
    );
  }
  return (
    <Alert variant="error" role="alert" closeButton onClose={onClose}>
      <BodyShort weight="semibold">{t('status:failed.heading', { title: activityTitle(outcome.attempted.activity, t) })}</BodyShort>
      <BodyShort>{t(errorTextKey(outcome.error))}</BodyShort>
    </Alert>
  );
}
