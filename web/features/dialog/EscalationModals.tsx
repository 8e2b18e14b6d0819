import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, BodyLong, Button, ErrorSummary, Modal, Textarea, TextField, VStack } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#common/limits.ts';
import { EscalationStartSchema, EscalationStopSchema, type EscalationWarning } from '#common/schemas/dialog.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { useStartEscalation, useStopEscalation } from './dialog-api.ts';
import { sendFailureKey } from './send-failure.ts';
import '@navikt/ds-css/dist/component/modal.css';

type StartValues = { reason: string; subject: string; text: string };
type StopValues = { reason: string; closingMessage: string };
const LIMIT: Record<string, number> = { reason: LIMITS.escalationReason, subject: LIMITS.threadSubject, text: LIMITS.message, closingMessage: LIMITS.message };

function errorText(t: TFunction, name: string, value: string): string {
  return value.trim() === '' ? t(`dialog:escalation.errors.${name}Required`) : t('dialog:escalation.errors.tooLong', { max: LIMIT[name] ?? 0, count: value.length });
}

/** The shared workings of both forms: errors in a summary that takes focus, a refusal in an alert. */
function useModalForm<T extends Record<string, string>>(form: UseFormReturn<T>, order: (keyof T & string)[]) {
  const { t } = useTranslation(['dialog', 'app']);
  const [failure, setFailure] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const prefix = useId();
  useEffect(() => {
    if (tick > 0) {
      const timer = setTimeout(() => (summaryRef.current ?? failureRef.current)?.focus(), 0);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [tick]);
  const errors = form.formState.errors as FieldErrors<Record<string, string>>;
  const values = form.watch() as Record<string, string>;
  const id = (name: string) => `${prefix}-${name}`;
  const error = (name: string) => (errors[name] ? errorText(t, name, values[name] ?? '') : undefined);
  const named = order.filter((name) => errors[name]);
  const top = (
    <>
      {form.formState.submitCount > 0 && named.length > 0 ? (
        <ErrorSummary ref={summaryRef} heading={t('dialog:escalation.errorSummary')}>
          {named.map((name) => (
            <ErrorSummary.Item key={name} href={`#${id(name)}`}>
              {error(name)}
            </ErrorSummary.Item>
          ))}
        </ErrorSummary>
      ) : null}
      {failure ? (
        <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
          {t(failure instanceof ApiError ? (sendFailureKey(failure, 'advisor') ?? errorTextKey(failure)) : errorTextKey(failure))}
        </Alert>
      ) : null}
    </>
  );
  const fail = (value: unknown) => {
    setFailure(value);
    setTick((n) => n + 1);
  };
  const invalid = () => setTick((n) => n + 1);
  return { t, id, error, top, fail, invalid, clear: () => setFailure(null) };
}

/** NAV: starts the formal warning — an important message in a marked thread, with its own notice to the citizen. */
export function EscalationStartModal({ personId, onClose, onStarted }: { personId: string; onClose: () => void; onStarted: (warning: EscalationWarning) => void }) {
  const start = useStartEscalation(personId);
  const form = useForm<StartValues>({ defaultValues: { reason: '', subject: '', text: '' }, resolver: zodResolver(EscalationStartSchema) as never, shouldFocusError: false });
  const { t, id, error, top, fail, invalid, clear } = useModalForm(form, ['reason', 'subject', 'text']);
  const formId = useId();
  const submit = form.handleSubmit(async (values) => {
    clear();
    try {
      onStarted(await start.mutateAsync(values));
    } catch (failure) {
      fail(failure);
    }
  }, invalid);
  return (
    <Modal open onClose={onClose} header={{ heading: t('dialog:escalation.start.heading') }} width="medium" placement="top">
      <Modal.Body>
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <VStack gap="space-16">
            <BodyLong>{t('dialog:escalation.start.intro')}</BodyLong>
            {top}
            <Textarea id={id('reason')} label={t('dialog:escalation.start.reason')} description={t('dialog:escalation.internal')} maxLength={LIMITS.escalationReason} minRows={2} error={error('reason')} {...form.register('reason')} />
            <TextField id={id('subject')} label={t('dialog:escalation.start.subject')} maxLength={LIMITS.threadSubject} error={error('subject')} {...form.register('subject')} />
            <Textarea id={id('text')} label={t('dialog:escalation.start.text')} description={t('dialog:escalation.start.textHelp')} maxLength={LIMITS.message} minRows={5} error={error('text')} {...form.register('text')} />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={start.isPending}>
          {t('dialog:escalation.start.confirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose} disabled={start.isPending}>
          {t('dialog:escalation.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

/** NAV: stops the warning in force, with why, and optionally a closing message in its thread (no notice). */
export function EscalationStopModal({ personId, warning, onClose, onStopped }: { personId: string; warning: EscalationWarning; onClose: () => void; onStopped: () => void }) {
  const stop = useStopEscalation(personId);
  const form = useForm<StopValues>({ defaultValues: { reason: '', closingMessage: '' }, resolver: zodResolver(EscalationStopSchema) as never, shouldFocusError: false });
  const { t, id, error, top, fail, invalid, clear } = useModalForm(form, ['reason', 'closingMessage']);
  const formId = useId();
  const submit = form.handleSubmit(async (values) => {
    clear();
    try {
      await stop.mutateAsync({ warningId: warning.id, reason: values.reason, closingMessage: values.closingMessage || null });
      onStopped();
    } catch (failure) {
      fail(failure);
    }
  }, invalid);
  return (
    <Modal open onClose={onClose} header={{ heading: t('dialog:escalation.stop.heading') }} width="medium" placement="top">
      <Modal.Body>
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <VStack gap="space-16">
            <BodyLong>{t('dialog:escalation.stop.intro')}</BodyLong>
            {top}
            <Textarea id={id('reason')} label={t('dialog:escalation.stop.reason')} description={t('dialog:escalation.internal')} maxLength={LIMITS.escalationReason} minRows={2} error={error('reason')} {...form.register('reason')} />
            <Textarea
              id={id('closingMessage')}
              label={t('dialog:escalation.stop.closingMessage')}
              description={t('dialog:escalation.stop.closingHelp')}
              maxLength={LIMITS.message}
              minRows={3}
              error={error('closingMessage')}
              {...form.register('closingMessage')}
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={stop.isPending}>
          {t('dialog:escalation.stop.confirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose} disabled={stop.isPending}>
          {t('dialog:escalation.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
