import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, BodyLong, Button, Checkbox, ErrorSummary, Heading, HStack, Textarea, TextField, VStack } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LIMITS } from '#common/limits.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { NewThreadSchema, type ThreadList } from '#common/schemas/dialog.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { activityTitle } from '#web/features/status/activity-title.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { useStartThread } from './dialog-api.ts';
import { isSendShortcut } from './Composer.tsx';
import { sendFailureKey } from './send-failure.ts';
import type { SentNotice } from './ThreadView.tsx';
import { useDraft } from './use-draft.ts';

interface Values {
  subject: string;
  text: string;
  awaitingCitizen: boolean;
}
type Field = 'subject' | 'text';
const FIELDS: Field[] = ['subject', 'text'];
const fieldId = (name: Field) => `new-thread-${name}`;

/**
 * The server's own schema, plus the one rule that depends on the page: a thread not about an
 * activity needs a subject (one about an activity is named after it).
 */
function newThreadResolver(aboutActivity: boolean): Resolver<Values> {
  const schema = zodResolver(NewThreadSchema);
  return async (values, context, options) => {
    const result = await schema({ ...values, subject: aboutActivity ? null : values.subject } as never, context, options as never);
    const errors = { ...(result.errors as FieldErrors<Values>) };
    if (!aboutActivity && values.subject.trim() === '' && !errors.subject) {
      errors.subject = { type: 'required', message: 'required' };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

/** The person's words for a field's error: missing, or too long. */
function errorText(t: TFunction, name: Field, type: string | undefined, value: string): string {
  const max = name === 'subject' ? LIMITS.threadSubject : LIMITS.message;
  return type === 'too_big' || value.length > max ? t(`dialog:newThread.errors.${name}TooLong`, { max, count: value.length }) : t(`dialog:newThread.errors.${name}Required`);
}

interface Props {
  personId: string;
  role: 'citizen' | 'advisor';
  base: string;
  list: ThreadList;
  /** The activity the thread is about (from ?activityId=), if any. */
  activity: Activity | undefined;
}

/** Starts a thread with its first message; about an activity, the subject is the activity's title. */
export function NewThreadForm({ personId, role, base, list, activity }: Props) {
  const { t } = useTranslation(['dialog', 'app', 'domain']);
  const navigate = useNavigate();
  const start = useStartThread(personId);
  const activityId = activity?.id ?? null;
  const draft = useDraft(personId, { threadId: null, activityId });
  const lockedSubject = activity ? activityTitle(activity, t).slice(0, LIMITS.threadSubject) : null;
  const form = useForm<Values>({
    defaultValues: { subject: '', text: '', awaitingCitizen: false },
    resolver: newThreadResolver(activity !== undefined),
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, submitCount, isSubmitting, isDirty } = form.formState;
  const [failure, setFailure] = useState<unknown>(null);
  const [focusTick, setFocusTick] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Once this form has started the thread, the list knows it too: that is no reason to redirect.
  const startedHere = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (focusTick > 0) {
      const timer = setTimeout(() => (summaryRef.current ?? failureRef.current)?.focus(), 0);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [focusTick]);

  // A saved draft comes back once, when the drafts have been read, unless the person has started typing.
  const saved = draft.saved;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !draft.loaded) {
      return;
    }
    restored.current = true;
    if (saved && !isDirty) {
      form.reset({ subject: saved.subject ?? '', text: saved.text, awaitingCitizen: false }, { keepDefaultValues: true });
    }
  }, [draft.loaded, saved, isDirty, form]);
  const { schedule } = draft;
  useEffect(() => {
    const subscription = form.watch((values, { type }) => {
      if (type === 'change') {
        schedule((values.text ?? '').slice(0, LIMITS.message), lockedSubject ? null : (values.subject ?? '').slice(0, LIMITS.threadSubject) || null);
      }
    });
    return () => subscription.unsubscribe();
  }, [form, schedule, lockedSubject]);

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      await draft.settle();
      startedHere.current = true;
      try {
        const sent = await start.mutateAsync({
          subject: lockedSubject ? null : values.subject.trim(),
          text: values.text.trim(),
          activityId,
          ...(role === 'advisor' ? { awaitingCitizen: values.awaitingCitizen } : {}),
        });
        draft.forget();
        const notice: SentNotice = { hold: sent.notificationHold };
        void navigate(`${base}/dialog/${sent.thread.id}`, { state: { sent: notice } });
      } catch (error) {
        startedHere.current = false;
        setFailure(error);
        setFocusTick((n) => n + 1);
      }
    },
    () => setFocusTick((n) => n + 1),
  );

  // One thread per activity: one that exists already is where to write.
  const existing = activityId ? list.threads.find((thread) => thread.activityId === activityId) : undefined;
  if (existing && !startedHere.current) {
    return <Navigate to={`${base}/dialog/${existing.id}`} replace />;
  }

  const values = form.watch();
  const named = FIELDS.filter((name) => errors[name]);
  const fieldError = (name: Field) => (errors[name] ? errorText(t, name, errors[name]?.type, values[name]) : undefined);
  const subjectField = form.register('subject');
  const textField = form.register('text');

  return (
    <VStack as="section" gap="space-16" aria-labelledby="new-thread-heading" className="dialog-thread" data-testid="new-thread">
      <Heading level="2" size="medium" id="new-thread-heading" ref={headingRef} tabIndex={-1}>
        {t('dialog:newThread.heading')}
      </Heading>
      <BodyLong>{t(`dialog:newThread.intro.${role}`)}</BodyLong>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-16">
          {submitCount > 0 && named.length > 0 ? (
            <ErrorSummary ref={summaryRef} heading={t('dialog:newThread.errorSummary')}>
              {named.map((name) => (
                <ErrorSummary.Item key={name} href={`#${fieldId(name)}`}>
                  {fieldError(name)}
                </ErrorSummary.Item>
              ))}
            </ErrorSummary>
          ) : null}
          {failure ? (
            <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
              {t(failure instanceof ApiError ? (sendFailureKey(failure, role) ?? errorTextKey(failure)) : errorTextKey(failure))}
            </Alert>
          ) : null}
          {lockedSubject ? (
            <TextField id={fieldId('subject')} label={t('dialog:newThread.subject')} description={t('dialog:newThread.subjectFromActivity')} value={lockedSubject} readOnly />
          ) : (
            <TextField id={fieldId('subject')} label={t('dialog:newThread.subject')} maxLength={LIMITS.threadSubject} error={fieldError('subject')} {...subjectField} />
          )}
          <Textarea
            id={fieldId('text')}
            label={t('dialog:newThread.text')}
            description={t('dialog:composer.shortcut')}
            maxLength={LIMITS.message}
            minRows={5}
            error={fieldError('text')}
            {...textField}
            onKeyDown={(event) => {
              if (isSendShortcut(event)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
          {role === 'advisor' ? <Checkbox {...form.register('awaitingCitizen')}>{t('dialog:newThread.awaitingCitizen')}</Checkbox> : null}
          <HStack gap="space-16" align="center" wrap>
            <Button type="submit" loading={isSubmitting}>
              {t('dialog:composer.send')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void navigate(`${base}/dialog`)}>
              {t('dialog:newThread.cancel')}
            </Button>
            <span role="status" className="dialog-draft-status" data-testid="draft-status">
              {draft.status === 'saved' ? t('dialog:draft.saved') : draft.status === 'failed' ? t('dialog:draft.failed') : ''}
            </span>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
