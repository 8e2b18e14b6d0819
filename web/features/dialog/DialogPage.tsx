import { Alert, BodyLong, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Activity } from '#common/schemas/activity.ts';
import { usePlanScope } from '#web/app/scope.tsx';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { usePerson, usePlan } from '#web/lib/queries.ts';
import { useThreads } from './dialog-queries.ts';
import { EscalationBanner, SendBlocked } from './DialogNotices.tsx';
import { NewThreadForm } from './NewThreadForm.tsx';
import { readChoice, withChoice } from './thread-filters.ts';
import { THREAD_LIST_HEADING_ID, ThreadListPane } from './ThreadListPane.tsx';
import { ThreadView } from './ThreadView.tsx';
import './dialog.css';

// The warning's forms are for advisors only, and seldom: loaded when opened.
const EscalationStartModal = lazy(() => import('./EscalationModals.tsx').then((m) => ({ default: m.EscalationStartModal })));
const EscalationStopModal = lazy(() => import('./EscalationModals.tsx').then((m) => ({ default: m.EscalationStopModal })));

/**
 * The dialog with NAV, for the citizen (their own) and for an advisor (a person they opened): the
 * threads on the left, the open thread or the new-thread form on the right. On a phone the list and
 * the thread are separate views. Filters and the period are in the address.
 */
export default function DialogPage() {
  const { t } = useTranslation(['dialog', 'domain']);
  const { personId, role, base } = usePlanScope();
  const { threadId = null } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isNew = location.pathname.endsWith('/dialog/new');
  const periodId = params.get('period');
  const list = useThreads(personId, periodId ?? undefined);
  // Whether a message can be sent now is the current period's answer (the same read without ?period).
  const currentList = useThreads(personId);
  const plan = usePlan(personId, periodId ? { periodId } : {});
  const person = usePerson(personId);
  const [modal, setModal] = useState<'start' | 'stop' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const choice = readChoice(params);
  const listSearch = new URLSearchParams(params);
  listSearch.delete('activityId');
  const search = listSearch.size > 0 ? `?${listSearch.toString()}` : '';
  const citizenName = person.data ? `${person.data.givenName} ${person.data.familyName}` : null;
  const activities = useMemo(() => new Map<string, Activity>((plan.data?.activities ?? []).map((a) => [a.id, a])), [plan.data]);
  const data = list.data;
  const open = threadId ? data?.threads.find((thread) => thread.id === threadId) : undefined;
  const newAbout = isNew ? params.get('activityId') : null;

  const title = role === 'advisor' ? t('dialog:title.advisor', { name: citizenName ?? '' }) : t('dialog:title.citizen');
  useDocumentTitle(open ? t('dialog:documentTitle.thread', { subject: open.subject, page: title }) : isNew ? t('dialog:documentTitle.new', { page: title }) : title);

  // Back on the list (on a phone, from a thread), the list's heading takes focus.
  const onList = !threadId && !isNew;
  const wasOnList = useRef(onList);
  useEffect(() => {
    if (onList && !wasOnList.current) {
      document.getElementById(THREAD_LIST_HEADING_ID)?.focus();
    }
    wasOnList.current = onList;
  }, [onList]);
  useEffect(() => {
    if (flash) {
      flashRef.current?.focus();
    }
  }, [flash]);

  const choose = (name: 'filter' | 'activity' | 'period', value: string | null) => setParams(withChoice(params, name, value), { replace: true });
  const viewingCurrent = !periodId || plan.data?.period?.current === true;
  const canSendNow = currentList.data?.canSend ?? false;
  const canStart = canSendNow && viewingCurrent;
  const warning = data?.escalation ?? null;

  let pane = null;
  if (data && threadId) {
    pane = (
      <ThreadView
        key={threadId}
        threadId={threadId}
        list={data}
        role={role}
        personId={personId}
        base={base}
        search={search}
        activity={open?.activityId ? activities.get(open.activityId) : undefined}
        citizenName={citizenName}
        canStartNew={canSendNow}
      />
    );
  } else if (data && isNew) {
    pane = canSendNow ? (
      <NewThreadForm key={newAbout ?? 'general'} personId={personId} role={role} base={base} list={data} activity={newAbout ? activities.get(newAbout) : undefined} />
    ) : null;
  }

  return (
    <VStack gap="space-24" className="dialog-page">
      <Heading level="1" size="large">
        {title}
      </Heading>
      {flash ? (
        <Alert variant="success" size="small" ref={flashRef} tabIndex={-1} role="status" closeButton onClose={() => setFlash(null)} data-testid="dialog-flash">
          {flash}
        </Alert>
      ) : null}
      {list.isError ? <ApiErrorAlert error={list.error} /> : null}
      {data && !data.canSend && data.sendBlockedReason ? <SendBlocked reason={data.sendBlockedReason} role={role} name={citizenName ?? ''} /> : null}
      {role === 'advisor' && warning ? <EscalationBanner warning={warning} base={base} canStop onStop={() => setModal('stop')} /> : null}
      {role === 'advisor' && canStart && !warning ? (
        <HStack>
          <Button variant="tertiary" size="small" onClick={() => setModal('start')} data-testid="escalation-start">
            {t('dialog:escalation.start.open')}
          </Button>
        </HStack>
      ) : null}
      {data ? (
        <div className={`dialog-layout${pane ? ' dialog-layout--pane' : ''}`}>
          <ThreadListPane
            list={data}
            periods={plan.data?.periods ?? []}
            activities={activities}
            role={role}
            base={base}
            search={search}
            openId={threadId}
            choice={choice}
            periodId={periodId}
            onChoose={choose}
            canStart={canStart}
          />
          <div className="dialog-pane">
            {pane ?? (data.threads.length > 0 ? <BodyLong className="dialog-pane__hint">{t('dialog:list.choose')}</BodyLong> : null)}
          </div>
        </div>
      ) : list.isPending ? (
        <PageLoader />
      ) : null}
      <Suspense fallback={null}>
        {modal === 'start' ? (
          <EscalationStartModal
            personId={personId}
            onClose={() => setModal(null)}
            onStarted={(started) => {
              setModal(null);
              setFlash(t('dialog:escalation.started'));
              void navigate(`${base}/dialog/${started.threadId}`);
            }}
          />
        ) : null}
        {modal === 'stop' && warning ? (
          <EscalationStopModal
            personId={personId}
            warning={warning}
            onClose={() => setModal(null)}
            onStopped={() => {
              setModal(null);
              setFlash(t('dialog:escalation.stopped'));
            }}
          />
        ) : null}
      </Suspense>
    </VStack>
  );
}
