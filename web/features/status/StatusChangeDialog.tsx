import { BodyLong, Button, ErrorSummary, Modal, Textarea, VStack } from '@navikt/ds-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import { LIMITS } from '#common/limits.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { activityTitle } from './activity-title.ts';
import { reasonRequired } from './moves.ts';
import '@navikt/ds-css/dist/component/modal.css';

export interface StatusChangeDialogProps {
  activity: Activity;
  to: ActivityStatus;
  /** Saves the move with the reason given (null when none); throws the server's error when refused. */
  onSave: (closingReason: string | null) => Promise<void>;
  onCancel: () => void;
}

/**
 * Asks before a move that locks the activity (to COMPLETED or CANCELLED): says what happens, and
 * takes the reason, required where the rules ask for one (agreed activities, cancelled meetings).
 */
export function StatusChangeDialog({ activity, to, onSave, onCancel }: StatusChangeDialogProps) {
  const { t } = useTranslation(['status', 'domain', 'app']);
  const required = reasonRequired(activity, to);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [submitted, setSubmitted] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  const fieldId = useId();
  const title = activityTitle(activity, t);
  const status = t(`domain:status.${to}`);

  // After a refused submit the summary takes focus, so the person hears what to fix.
  useEffect(() => {
    if (submitted > 0) {
      summaryRef.current?.focus();
    }
  }, [submitted]);

  function check(text: string): string | null {
    if (required && text.length === 0) {
      return t('status:dialog.reasonMissing');
    }
    if (text.length > LIMITS.closingReason) {
      return t('status:dialog.reasonTooLong', { max: LIMITS.closingReason, count: text.length });
    }
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    const problem = check(text);
    setFieldError(problem);
    setFailure(null);
    if (problem) {
      setSubmitted((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await onSave(text === '' ? null : text);
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues.find((i) => i.field === 'body.closingReason') : undefined;
      if (issue) {
        setFieldError(required ? t('status:dialog.reasonMissing') : t('status:dialog.reasonRefused'));
        setSubmitted((n) => n + 1);
      } else {
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Modal open onClose={onCancel} header={{ heading: t(`status:dialog.heading.${to}`, { title }) }} width="medium" placement="top">
        <Modal.Body>
          <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
            <VStack gap="space-16">
              <BodyLong>{t(`status:dialog.locks.${to}`, { status })}</BodyLong>
              {activity.type === 'JOB_APPLICATION' && to === 'COMPLETED' ? <BodyLong>{t('status:dialog.applicationStatusStaysOpen')}</BodyLong> : null}
              {fieldError && submitted > 0 ? (
                <ErrorSummary ref={summaryRef} heading={t('status:dialog.errorSummary')}>
                  <ErrorSummary.Item href={`#${fieldId}`}>{fieldError}</ErrorSummary.Item>
                </ErrorSummary>
              ) : null}
              <Textarea
                id={fieldId}
                label={required ? t('status:dialog.reasonLabel') : t('status:dialog.commentLabel')}
                description={t(`status:dialog.${required ? 'reasonHelp' : 'commentHelp'}.${to}`)}
                value={reason}
                onChange={(event) => {
                  setReason(event.target.value);
                  if (fieldError) {
                    setFieldError(check(event.target.value.trim()));
                  }
                }}
                maxLength={LIMITS.closingReason}
                minRows={3}
                error={fieldError ?? undefined}
              />
              {failure ? (
                <ApiErrorAlert error={failure} />
              ) : null}
            </VStack>
          </form>
        </Modal.Body>
        <Modal.Footer>
          <Button type="submit" form={formId} loading={saving}>
            {t('status:dialog.confirm', { status })}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel} disabled={saving}>
            {t('status:dialog.keep')}
          </Button>
        </Modal.Footer>
      </Modal>
    </>
  );
}

export default StatusChangeDialog;
