import { Alert, BodyLong, Button, Modal, Textarea, VStack } from '@navikt/ds-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_LIMITS } from '#common/schemas/follow-up.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import '@navikt/ds-css/dist/component/modal.css';

interface Props {
  heading: string;
  intro: string;
  label: string;
  description: string;
  confirm: string;
  /** Sends the change; a thrown error is told in the modal, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  /** The catalogue key for a refusal this change knows better words for (else the general one). */
  failureKey?: (error: unknown) => string | null;
}

/**
 * A change NAV makes about how a person is followed up, always with a reason (digital ⇄ manual,
 * KVP start and end): the reason is required and at most FOLLOW_UP_LIMITS.reason characters; an
 * empty or too long one is told beside the field, which then takes focus.
 */
export function ReasonModal({ heading, intro, label, description, confirm, onConfirm, onClose, failureKey }: Props) {
  const { t } = useTranslation(['followup', 'app']);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<'required' | 'tooLong' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  const max = FOLLOW_UP_LIMITS.reason;

  useEffect(() => {
    if (failure) {
      failureRef.current?.focus();
    }
  }, [failure]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    const problem = text === '' ? 'required' : text.length > max ? 'tooLong' : null;
    setFieldError(problem);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    setFailure(null);
    setPending(true);
    try {
      await onConfirm(text);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal open onClose={onClose} header={{ heading }} width="medium" placement="top">
      <Modal.Body>
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <VStack gap="space-16">
            <BodyLong>{intro}</BodyLong>
            <Textarea
              ref={fieldRef}
              label={label}
              description={description}
              maxLength={max}
              minRows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (fieldError) {
                  setFieldError(null);
                }
              }}
              error={fieldError ? t(`followup:reason.${fieldError}`, { max }) : undefined}
              data-testid="reason-field"
            />
            {failure ? (
              <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
                {t(failureKey?.(failure) ?? errorTextKey(failure))}
              </Alert>
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={pending}>
          {confirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose} disabled={pending}>
          {t('followup:reason.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
