import { PencilIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Box, Button, Detail, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '#common/schemas/plan.ts';
import { GoalChangedBy } from './GoalChangedBy.tsx';
import { markGoalRead } from './goal-api.ts';

// Editing and the history load when first asked for; the board shows the goal without them.
const GoalForm = lazy(() => import('./GoalForm.tsx'));
const GoalHistory = lazy(() => import('./GoalHistory.tsx'));

interface GoalSectionProps {
  personId: string;
  role: 'citizen' | 'advisor';
  plan: Plan;
}

/**
 * The goal on top of the board: its text, who changed it last, "edit" while the plan is writable,
 * and every earlier version behind a toggle. A goal changed by the other side is marked new and
 * recorded as read.
 */
export function GoalSection({ personId, role, plan }: GoalSectionProps) {
  const { t } = useTranslation(['goal', 'domain']);
  const goal = plan.goal;
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const historyId = useId();
  const current = plan.period?.current === true;
  // The "new" marker stays while the page is open, even after the read is recorded.
  const [seenUnread, setSeenUnread] = useState<number | null>(null);
  const marked = useRef<number | null>(null);
  useEffect(() => {
    if (goal?.unread && current && marked.current !== goal.version) {
      marked.current = goal.version;
      setSeenUnread(goal.version);
      markGoalRead(personId, goal.version).catch(() => {
        marked.current = null;
      });
    }
  }, [goal?.unread, goal?.version, current, personId]);
  const showNew = Boolean(goal) && (goal?.unread || seenUnread === goal?.version);

  function closeForm() {
    setEditing(false);
    requestAnimationFrame(() => editRef.current?.focus());
  }

  const emptyText = !plan.writable ? t('goal:empty.readOnly') : t(`goal:empty.${role}`);

  return (
    <Box as="section" aria-labelledby={headingId} className="goal" padding="space-16" borderRadius="8" background="neutral-soft" data-testid="goal">
      <VStack gap="space-12">
        <HStack gap="space-8" align="center">
          <Heading level="2" size="small" id={headingId}>
            {t(`goal:heading.${role}`)}
          </Heading>
          {showNew ? (
            <Tag size="xsmall" variant="moderate" data-color="accent">
              {t(`goal:new.${role}`)}
            </Tag>
          ) : null}
        </HStack>
        {editing ? (
          <Suspense fallback={null}>
            <GoalForm personId={personId} role={role} goal={goal} onDone={closeForm} />
          </Suspense>
        ) : (
          <>
            {goal && goal.text !== '' ? (
              <BodyLong className="goal__text" data-testid="goal-text">
                {goal.text}
              </BodyLong>
            ) : (
              <BodyShort>{emptyText}</BodyShort>
            )}
            {goal ? (
              <Detail>
                <GoalChangedBy role={role} changedAt={goal.changedAt} changedBy={goal.changedBy} />
              </Detail>
            ) : null}
            {plan.writable ? (
              <div>
                <Button ref={editRef} variant="secondary" size="small" icon={<PencilIcon aria-hidden />} onClick={() => setEditing(true)}>
                  {goal && goal.text !== '' ? t('goal:edit') : t('goal:write')}
                </Button>
              </div>
            ) : null}
          </>
        )}
        {goal ? (
          <div>
            <Button variant="tertiary" size="small" aria-expanded={historyOpen} aria-controls={historyOpen ? historyId : undefined} onClick={() => setHistoryOpen((v) => !v)}>
              {historyOpen ? t('goal:history.hide') : t('goal:history.show')}
            </Button>
            {historyOpen ? (
              <div id={historyId}>
                <Suspense fallback={null}>
                  <GoalHistory personId={personId} role={role} periodId={plan.period?.current ? null : (plan.period?.id ?? null)} />
                </Suspense>
              </div>
            ) : null}
          </div>
        ) : null}
      </VStack>
    </Box>
  );
}
