import { Heading, VStack } from '@navikt/ds-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePlanScope } from '#web/app/scope.tsx';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { ActivityUnreadContext, unreadByActivity, useThreads } from '#web/features/dialog/dialog-queries.ts';
import { GoalSection } from '#web/features/goal/GoalSection.tsx';
import { PersonBanners } from '#web/features/person/PersonBanners.tsx';
import { MoveOutcomeAlert } from '#web/features/status/MoveOutcomeAlert.tsx';
import { useChangeStatus } from '#web/features/status/useChangeStatus.tsx';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { usePerson, usePlan } from '#web/lib/queries.ts';
import { Board } from './Board.tsx';
import { clearFilters, readFilters, toggleFilter, toPlanFilters, type FilterGroup } from './board-filters.ts';
import { BoardToolbar } from './BoardToolbar.tsx';
import { columnHeadingId } from './BoardColumn.tsx';
import { EarlierPeriodNotice } from './PeriodPicker.tsx';
import './board.css';

/**
 * The plan board, for the citizen (their own plan) and for an advisor (a person they opened):
 * goal on top, then the five status columns. Period and filters are in the address.
 */
export default function BoardPage() {
  // All of the board's catalogues load together, while the plan is read (not one after the other):
  // this component does not suspend for them, and draws the board once both are there.
  const { t, ready } = useTranslation(['board', 'goal', 'status', 'domain'], { useSuspense: false });
  const { personId, role, base } = usePlanScope();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const periodId = params.get('period');
  const plan = usePlan(personId, toPlanFilters(filters, periodId));
  const person = usePerson(personId);
  // The threads of the period shown: their unread counts go on the cards.
  const threads = useThreads(personId, periodId ?? undefined);
  const unreadMessages = useMemo(() => unreadByActivity(threads.data), [threads.data]);
  const [focusRequest, setFocusRequest] = useState<{ activityId: string } | null>(null);

  const title = !ready ? null : role === 'advisor' && person.data ? t('board:title.advisor', { name: `${person.data.givenName} ${person.data.familyName}` }) : t(`board:title.${role}`);
  useDocumentTitle(title);

  const onSettled = useCallback((activityId: string) => setFocusRequest({ activityId }), []);
  const status = useChangeStatus({ personId, onSettled });
  const { move } = status;

  // After a move (or a refused one) focus goes back to the card, wherever it now stands; if the
  // filters hide it, to the heading of the column it went to.
  const shown = plan.data;
  useEffect(() => {
    if (!focusRequest || !shown) {
      return;
    }
    const frame = requestAnimationFrame(() => {
      // Once only: a later refresh of the board must not pull the focus back.
      setFocusRequest(null);
      const card = document.querySelector<HTMLElement>(`[data-activity-id="${focusRequest.activityId}"] .board-card__link`);
      if (card) {
        card.focus();
        return;
      }
      const activity = shown.activities.find((a) => a.id === focusRequest.activityId);
      document.getElementById(columnHeadingId(activity?.status ?? 'PLANNED'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, shown]);

  // From the address as it is now, not as of the last render: two quick clicks (a type, then
  // "not agreed") must both count, even when the first one's render has not happened yet.
  const updateParams = (change: (current: URLSearchParams) => URLSearchParams) =>
    setParams(change(new URLSearchParams(window.location.search)), { replace: true });
  const choosePeriod = (id: string) =>
    updateParams((next) => {
      if (plan.data?.periods.find((p) => p.id === id)?.current) {
        next.delete('period');
      } else {
        next.set('period', id);
      }
      return next;
    });

  if (!ready) {
    return <PageLoader />;
  }
  return (
    <VStack gap="space-24" className="board-page">
      <Heading level="1" size="large">
        {title}
      </Heading>
      <PersonBanners />
      {plan.isError ? <ApiErrorAlert error={plan.error} /> : null}
      {plan.data ? (
        <>
          <EarlierPeriodNotice plan={plan.data} onChoose={choosePeriod} />
          <GoalSection key={plan.data.period?.id ?? 'none'} personId={personId} role={role} plan={plan.data} />
        </>
      ) : null}
      <BoardToolbar
        plan={plan.data}
        base={base}
        filters={filters}
        onToggleFilter={(group: FilterGroup, value: string) => updateParams((current) => toggleFilter(current, group, value))}
        onClearFilters={() => updateParams(clearFilters)}
        onChoosePeriod={choosePeriod}
      />
      {status.outcome ? <MoveOutcomeAlert outcome={status.outcome} onClose={status.clearOutcome} /> : null}
      {plan.data ? (
        <ActivityUnreadContext.Provider value={unreadMessages}>
          <Board
            activities={plan.data.activities}
            role={role}
            base={base}
            statusFilter={filters.status}
            pendingId={status.pendingId}
            onMove={move}
          />
        </ActivityUnreadContext.Provider>
      ) : plan.isPending ? (
        <PageLoader />
      ) : null}
      {status.dialog}
    </VStack>
  );
}
