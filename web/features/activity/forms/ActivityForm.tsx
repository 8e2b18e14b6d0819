import { Alert, Button, ErrorSummary, HStack, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldError, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { FIELD_SPECS, fieldId, specOf } from './field-specs.ts';
import type { FormValues } from './form-model.ts';
import { fieldErrorText } from './messages.ts';
import { activityResolver, type ResolverOptions } from './resolver.ts';
import { TypeFields } from './TypeFields.tsx';

export interface ActivityFormProps {
  resolver: ResolverOptions;
  defaultValues: FormValues;
  role: 'citizen' | 'advisor';
  submitLabel: string;
  /** Sends the parsed values; a thrown ApiError with field issues is shown beside those fields. */
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  /** Shown above the fields (the conflict explanation after a stale save). */
  notice?: ReactNode;
}

/** A refusal that names no field of the form: "nothing changed", or the general text of its code. */
function failureKey(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed') {
    return error.issues.some((issue) => issue.field === 'body' && /changes nothing/.test(issue.message)) ? 'activity:errors.nothingChanged' : 'activity:errors.checkForm';
  }
  return errorTextKey(error);
}

/** Field names in the order the form shows them, for the error summary. */
function orderedErrors(values: FormValues, errors: FieldErrors<FormValues>): string[] {
  const order = [...FIELD_SPECS[values.type].map((spec) => spec.name), 'status', 'share'];
  return Object.keys(errors).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * One form for creating and editing every type: the shared schema validates (react-hook-form +
 * zod), each error shows beside its field and in an error summary that takes focus on submit.
 */
export function ActivityForm({ resolver, defaultValues, role, submitLabel, onSubmit, onCancel, notice }: ActivityFormProps) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    defaultValues,
    resolver: activityResolver(resolver),
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (focusTick > 0) {
      // After the errors have rendered: the summary, or the alert when no field is to blame.
      const timer = setTimeout(() => (summaryRef.current ?? failureRef.current)?.focus(), 0);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [focusTick]);

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await onSubmit(values);
      } catch (error) {
        const fields = error instanceof ApiError ? error.issues.filter((issue) => issue.field.startsWith('body.')) : [];
        const known = fields.filter((issue) => specOf(defaultValues.type, issue.field.slice(5)));
        known.forEach((issue) => form.setError(issue.field.slice(5), { type: 'server', message: issue.message }));
        if (known.length === 0 || known.length < fields.length) {
          setFailure(error);
        }
        setFocusTick((n) => n + 1);
      }
    },
    () => setFocusTick((n) => n + 1),
  );

  const values = form.getValues();
  const names = orderedErrors(values, errors);
  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-24">
          {notice}
          {submitCount > 0 && names.length > 0 ? (
            <ErrorSummary ref={summaryRef} heading={t('activity:form.errorSummary')}>
              {names.map((name) => (
                <ErrorSummary.Item key={name} href={`#${fieldId(name)}`}>
                  {fieldErrorText(t, specOf(values.type, name), errors[name] as FieldError | undefined, values[name])}
                </ErrorSummary.Item>
              ))}
            </ErrorSummary>
          ) : null}
          {failure ? (
            <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
              {t(failureKey(failure))}
            </Alert>
          ) : null}
          <TypeFields type={defaultValues.type} role={role} creating={!('version' in defaultValues)} />
          <HStack gap="space-16">
            <Button type="submit" loading={isSubmitting}>
              {submitLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('activity:form.cancel')}
            </Button>
          </HStack>
        </VStack>
      </form>
    </FormProvider>
  );
}
