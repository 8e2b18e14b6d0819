import { Alert, Button, Heading, Radio, RadioGroup, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import type { Role } from './rules.ts';
import { isStale, useActivityWrite } from './use-activity-write.ts';

const NONE = 'NONE';

/**
 * "How far have you come?" for a job application: applied, interview, rejected, job offer. It may
 * change until the period ends, also after the activity is completed (the server's rule).
 */
export function ApplicationStatusForm({ activity, role, personId, onSaved }: { activity: Activity; role: Role; personId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const write = useActivityWrite(activity.id, personId);
  const stored = activity.applicationStatus ?? NONE;
  const [choice, setChoice] = useState<string>(stored);
  const [message, setMessage] = useState<{ variant: 'warning' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (choice === stored) {
      setMessage({ variant: 'warning', text: t('activity:applicationStatus.unchanged') });
      return;
    }
    try {
      await write.mutateAsync({
        path: '/application-status',
        body: { version: activity.version, applicationStatus: choice === NONE ? null : (choice as ApplicationStatus) },
      });
      onSaved();
    } catch (error) {
      if (isStale(error)) {
        const now = (error.current as Activity).applicationStatus ?? NONE;
        setChoice(now);
        setMessage({ variant: 'warning', text: t('activity:applicationStatus.stale', { status: t(`domain:applicationStatus.${now}`) }) });
      } else {
        setMessage({ variant: 'error', text: t(errorTextKey(error)) });
      }
    }
  };

  return (
    <VStack as="section" gap="space-12" aria-labelledby="application-status-heading">
      <Heading level="2" size="medium" id="application-status-heading">
        {t(`activity:applicationStatus.heading.${role}`)}
      </Heading>
      <form onSubmit={(event) => void submit(event)}>
        <VStack gap="space-16" align="start">
          <RadioGroup legend={t('activity:applicationStatus.legend')} hideLegend value={choice} onChange={(value: string) => setChoice(value)} name="applicationStatus">
            {[...APPLICATION_STATUSES, NONE].map((status) => (
              <Radio key={status} value={status}>
                {t(`domain:applicationStatus.${status}`)}
              </Radio>
            ))}
          </RadioGroup>
          {message ? (
            <Alert variant={message.variant} size="small" role="alert">
              {message.text}
            </Alert>
          ) : null}
          <Button type="submit" variant="secondary" loading={write.isPending}>
            {t('activity:applicationStatus.save')}
          </Button>
        </VStack>
      </form>
    </VStack>
  );
}
