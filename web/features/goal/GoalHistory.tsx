import { BodyLong, Detail, Loader, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { GoalChangedBy } from './GoalChangedBy.tsx';
import { useGoalHistory } from './goal-api.ts';

/** Every version of the goal in the period shown, newest first; read when first opened. */
export default function GoalHistory({ personId, role, periodId }: { personId: string; role: 'citizen' | 'advisor'; periodId: string | null }) {
  const { t } = useTranslation('goal');
  const history = useGoalHistory(personId, periodId);
  if (history.isPending) {
    return <Loader size="small" title={t('goal:history.loading')} />;
  }
  if (history.isError) {
    return <ApiErrorAlert error={history.error} />;
  }
  return (
    <ol className="goal-history" aria-label={t('goal:history.label')}>
      {history.data.map((entry) => (
        <li key={entry.version}>
          <VStack gap="space-4">
            <BodyLong className="goal__text">{entry.text === '' ? t('goal:history.emptied') : entry.text}</BodyLong>
            <Detail>
              <GoalChangedBy role={role} changedAt={entry.changedAt} changedBy={entry.changedBy} />
            </Detail>
          </VStack>
        </li>
      ))}
    </ol>
  );
}
