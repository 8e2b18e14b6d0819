import { Alert, BodyLong, BodyShort, Button, ErrorSummary, HStack, Textarea, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#common/limits.ts';
import type { Goal } from '#common/schemas/plan.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { GoalChangedBy } from './GoalChangedBy.tsx';
import { putGoalInPlans, useSaveGoal } from './goal-api.ts';

interface GoalFormProps {
  personId: string;
  role: 'citizen' | 'advisor';
  goal: Goal | null;
  onDone: () => void;
}

/**
 * Writes the goal (0–500 characters) naming the version read. If someone else changed it in the
 * meantime, the goal as it is now is shown above the field, the text typed is kept, and the next
 * save names the new version, so nothing is overwritten unseen.
 */
export default function GoalForm({ personId, role, goal, onDone }: GoalFormProps) {
  const { t } = useTranslation(['goal', 'app']);
  const client = useQueryClient();
  const save = useSaveGoal(personId);
  const [text, setText] = useState(goal?.text ?? '');
  const [version, setVersion] = useState(goal?.version ?? 0);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState<{ goal: Goal | null } | null>(null);
  const [submitted, setSubmitted] = useState(0);
  const fieldId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => fieldRef.current?.focus(), []);
  useEffect(() => {
    if (submitted > 0) {
      summaryRef.current?.focus();
    }
  }, [submitted]);
  useEffect(() => {
    if (changedMeanwhile) {
      staleRef.current?.focus();
    }
  }, [changedMeanwhile]);

  const check = (value: string) => (value.length > LIMITS.goal ? t('goal:form.tooLong', { max: LIMITS.goal, count: value.length }) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    const problem = check(value);
    setFieldError(problem);
    setFailure(null);
    if (problem) {
      setSubmitted((n) => n + 1);
      return;
    }
    if (value === (goal?.text ?? '') && !changedMeanwhile) {
      onDone();
      return;
    }
    try {
      await save.mutateAsync({ version, text: value });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.current !== undefined) {
        const current = (error.current as Goal | null) ?? null;
        putGoalInPlans(client, personId, current);
        setVersion(current?.version ?? 0);
        setChangedMeanwhile({ goal: current });
      } else if (error instanceof ApiError && error.issues.some((i) => i.field === 'body.text')) {
        setFieldError(t('goal:form.unchanged'));
        setSubmitted((n) => n + 1);
      } else {
        setFailure(error);
      }
    }
  }

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <VStack gap="space-12">
          {changedMeanwhile ? (
            <Alert variant="warning" ref={staleRef} tabIndex={-1} data-testid="goal-stale">
              <BodyShort weight="semibold" spacing>
                {t('goal:stale.heading')}
              </BodyShort>
              {changedMeanwhile.goal && changedMeanwhile.goal.text !== '' ? (
                <>
                  <BodyLong className="goal__text">{changedMeanwhile.goal.text}</BodyLong>
                  <BodyShort size="small" spacing>
                    <GoalChangedBy role={role} changedAt={changedMeanwhile.goal.changedAt} changedBy={changedMeanwhile.goal.changedBy} />
                  </BodyShort>
                </>
              ) : (
                <BodyShort spacing>{t('goal:stale.nowEmpty')}</BodyShort>
              )}
              <BodyShort>{t('goal:stale.what')}</BodyShort>
            </Alert>
          ) : null}
          {fieldError && submitted > 0 ? (
            <ErrorSummary ref={summaryRef} heading={t('goal:form.errorSummary')}>
              <ErrorSummary.Item href={`#${fieldId}`}>{fieldError}</ErrorSummary.Item>
            </ErrorSummary>
          ) : null}
          <Textarea
            ref={fieldRef}
            id={fieldId}
            label={t(`goal:form.label.${role}`)}
            description={t(`goal:form.help.${role}`)}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (fieldError) {
                setFieldError(check(event.target.value.trim()));
              }
            }}
            maxLength={LIMITS.goal}
            minRows={3}
            error={fieldError ?? undefined}
          />
          {failure ? (
            <ApiErrorAlert error={failure} />
          ) : null}
          <HStack gap="space-8">
            <Button type="submit" size="small" loading={save.isPending}>
              {t('goal:form.save')}
            </Button>
            <Button type="button" size="small" variant="secondary" onClick={onDone} disabled={save.isPending}>
              {t('goal:form.cancel')}
            </Button>
          </HStack>
        </VStack>
      </form>
    </>
  );
}
