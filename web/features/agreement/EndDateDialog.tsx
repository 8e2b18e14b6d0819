import { Alert, BodyLong, Button, ErrorSummary, Modal, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EndDateChangeSchema } from '#common/schemas/activity-input.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { isStale, useActivityWrite } from '#web/features/activity/actions/use-activity-write.ts';
import { DateField } from '#web/features/activity/fields/DateField.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import '@navikt/ds-css/dist/component/modal.css';

const FIELD_ID = 'end-date-field';

interface Props {
  activity: Activity;
  personId: string;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * The one change left on an agreed activity: its end date (NAV on every type but meetings, the
 * citizen on a medical treatment). Checked with the server's own schema before it is sent.
 */
export function EndDateDialog({ activity, personId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const write = useActivityWrite(activity.id, personId);
  const [value, setValue] = useState<string | null>(activity.toDate);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => setValue(activity.toDate), [activity.version, activity.toDate]);
  useEffect(() => {
    if (tick > 0) {
      (summaryRef.current ?? failureRef.current)?.focus();
    }
  }, [tick]);

  const problem = (next: string | null): string | null => {
    if (next === null) {
      return t('agreement:endDate.errors.required');
    }
    if (!EndDateChangeSchema.safeParse({ version: activity.version, toDate: next }).success) {
      return t('agreement:endDate.errors.invalid');
    }
    if (activity.fromDate && next < activity.fromDate) {
      return t('agreement:endDate.errors.beforeStart');
    }
    if (next === activity.toDate) {
      return t('agreement:endDate.errors.same');
    }
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = problem(value);
    setError(found);
    if (found || value === null) {
      setTick((n) => n + 1);
      return;
    }
    try {
      await write.mutateAsync({ path: '/end-date', body: { version: activity.version, toDate: value } });
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.some((issue) => issue.field === 'body.toDate')) {
        setError(t('agreement:endDate.errors.refused'));
      } else {
        setFailure(isStale(caught) ? t('agreement:endDate.stale') : t(errorTextKey(caught)));
      }
      setTick((n) => n + 1);
    }
  };

  return (
    <Modal open onClose={onClose} header={{ heading: t('agreement:endDate.heading') }} width="small" placement="top">
      <Modal.Body>
        <form id="end-date-form" onSubmit={(event) => void submit(event)} noValidate>
          <VStack gap="space-16">
            <BodyLong>{t('agreement:endDate.intro')}</BodyLong>
            {tick > 0 && error ? (
              <ErrorSummary ref={summaryRef} heading={t('agreement:endDate.errorSummary')}>
                <ErrorSummary.Item href={`#${FIELD_ID}`}>{error}</ErrorSummary.Item>
              </ErrorSummary>
            ) : null}
            <DateField
              // A stale save brings a new end date to start from.
              key={activity.version}
              id={FIELD_ID}
              label={t('agreement:endDate.label')}
              initialValue={activity.toDate}
              error={error ?? undefined}
              onChange={(next) => {
                setValue(next);
                if (error) {
                  setError(problem(next));
                }
              }}
            />
            {failure ? (
              <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
                {failure}
              </Alert>
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="end-date-form" loading={write.isPending}>
          {t('agreement:endDate.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('agreement:endDate.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
