import { Alert, BodyShort, Button, Heading, HStack, Select, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, PersonSummary } from '#common/schemas/person.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { useAssign, useOfficeAdvisors } from './follow-up-api.ts';

type Advisor = Extract<Me, { role: 'advisor' }>;

/** A refusal of an assignment: the advisor chosen is not (or no longer) at the person's office. */
function assignFailureKey(error: unknown): string {
  return error instanceof ApiError && error.issues.some((issue) => issue.field === 'body.advisorIdent') ? 'followup:assignment.errors.notAtOffice' : errorTextKey(error);
}

/**
 * Who follows the person up (PersonSummary.assignedAdvisor): "assign to me", or another advisor at the person's office (the list
 * of advisors is the office's, so it is offered only to advisors at that office).
 */
export function AssignmentSection({ person, advisor }: { person: PersonSummary; advisor: Advisor | null }) {
  const { t } = useTranslation(['followup', 'app']);
  const atOffice = Boolean(advisor?.offices.some((office) => office.id === person.office.id));
  const advisors = useOfficeAdvisors(person.office.id, atOffice);
  const assign = useAssign(person.id);
  const [chosen, setChosen] = useState('');
  const [choiceError, setChoiceError] = useState(false);
  const [assigned, setAssigned] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // From the person summary (advisors get it), read again after an assignment.
  const current = person.assignedAdvisor ?? null;
  const others = (advisors.data?.advisors ?? []).filter((a) => a.ident !== current?.ident);

  useEffect(() => {
    if (assigned || assign.isError) {
      outcomeRef.current?.focus();
    }
  }, [assigned, assign.isError]);

  async function to(ident: string, name: string) {
    setAssigned(null);
    try {
      await assign.mutateAsync(ident);
      setAssigned(name);
    } catch {
      // Told below, from the mutation's error.
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const advisorRef = others.find((a) => a.ident === chosen);
    setChoiceError(!advisorRef);
    if (advisorRef) {
      void to(advisorRef.ident, advisorRef.name ?? advisorRef.ident);
    }
  }

  return (
    <VStack gap="space-8" align="start" style={{ flex: '1 1 18rem' }} data-testid="assignment">
      <Heading level="3" size="xsmall">
        {t('followup:assignment.heading')}
      </Heading>
      <BodyShort>{current ? t('followup:assignment.current', { name: current.name ?? current.ident, ident: current.ident }) : t('followup:assignment.none')}</BodyShort>
      {assigned ? (
        <Alert variant="success" size="small" ref={outcomeRef} tabIndex={-1}>
          {t('followup:assignment.done', { name: assigned })}
        </Alert>
      ) : assign.isError ? (
        <Alert variant="error" size="small" ref={outcomeRef} tabIndex={-1} role="alert">
          {t(assignFailureKey(assign.error))}
        </Alert>
      ) : null}
      {advisor && atOffice && current?.ident !== advisor.ident ? (
        <Button size="small" variant="secondary" loading={assign.isPending && assign.variables === advisor.ident} onClick={() => void to(advisor.ident, advisor.name)}>
          {t('followup:assignment.toMe')}
        </Button>
      ) : null}
      {atOffice && others.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <HStack gap="space-8" align="end" wrap>
            <Select
              label={t('followup:assignment.choose')}
              size="small"
              value={chosen}
              error={choiceError ? t('followup:assignment.errors.choose') : undefined}
              onChange={(event) => {
                setChosen(event.target.value);
                setChoiceError(false);
              }}
            >
              <option value="">{t('followup:assignment.choosePlaceholder')}</option>
              {others.map((a) => (
                <option key={a.ident} value={a.ident}>
                  {a.name ? `${a.name} (${a.ident})` : a.ident}
                </option>
              ))}
            </Select>
            <Button size="small" type="submit" variant="secondary" loading={assign.isPending && assign.variables !== advisor?.ident}>
              {t('followup:assignment.submit')}
            </Button>
          </HStack>
        </form>
      ) : null}
    </VStack>
  );
}
