import { ArrowLeftIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Heading, Link as AkselLink, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Activity } from '#common/schemas/activity.ts';
import { usePlanScope } from '#web/app/scope.tsx';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { AdvanceNoticeBlock } from '#web/features/agreement/AdvanceNoticeBlock.tsx';
import { AgreementDialog } from '#web/features/agreement/AgreementDialog.tsx';
import { EndDateDialog } from '#web/features/agreement/EndDateDialog.tsx';
import { SummarySection } from '#web/features/agreement/SummarySection.tsx';
import { ActivityDialogLink } from '#web/features/dialog/ActivityDialogLink.tsx';
import { MoveOutcomeAlert } from '#web/features/status/MoveOutcomeAlert.tsx';
import { useChangeStatus } from '#web/features/status/useChangeStatus.tsx';
import { api, ApiError } from '#web/lib/api-client.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { invalidatePerson, useActivity, usePlan } from '#web/lib/queries.ts';
import { ApplicationStatusForm } from './actions/ApplicationStatusForm.tsx';
import { EditActivity, type EditOutcome } from './actions/EditActivity.tsx';
import { ActionBar, EDIT_BUTTON_ID } from './actions/ActionBar.tsx';
import { mayAnswerSuggestion, mayWriteSummary } from './actions/rules.ts';
import { SuggestionResponse } from './actions/SuggestionResponse.tsx';
import { ActivityFields } from './detail/ActivityFields.tsx';
import { ActivityHeader } from './detail/ActivityHeader.tsx';
import { ExternalDetails } from './detail/ExternalDetails.tsx';
import { headingOf } from './detail/format.ts';
import { HistoryList } from './detail/HistoryList.tsx';
import { StateInfo } from './detail/StateInfo.tsx';
import { isFormType } from './forms/field-specs.ts';

type Dialog = 'agreement' | 'endDate' | null;

/** Marks the activity read by this side when it is opened with a change from the other side. */
function useMarkRead(activity: Activity | undefined, personId: string) {
  const client = useQueryClient();
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!activity?.unread) {
      return;
    }
    const key = `${activity.id}:${activity.version}`;
    if (marked.current === key) {
      return;
    }
    marked.current = key;
    api.post(`/api/activities/${activity.id}/read`, { version: activity.version }).then(
      () => invalidatePerson(client, personId, activity.id),
      () => undefined,
    );
  }, [activity?.id, activity?.version, activity?.unread, client, personId]);
}

export default function ActivityPage() {
  const { activityId = '' } = useParams();
  const { personId, role, base } = usePlanScope();
  const { t, i18n } = useTranslation(['activity', 'agreement', 'domain', 'status']);
  const location = useLocation();
  const navigate = useNavigate();
  const detail = useActivity(activityId, i18n.language);
  const plan = usePlan(personId);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [flash, setFlash] = useState<string | null>((location.state as { flash?: string } | null)?.flash ?? null);
  const flashRef = useRef<HTMLDivElement>(null);
  const moving = useRef<Activity['status'] | null>(null);
  const fetched = detail.data?.activity;
  // After a move (or a cancelled dialog), the page reads the activity and says where it went.
  const changeStatus = useChangeStatus({
    personId,
    onSettled: () => {
      const to = moving.current;
      moving.current = null;
      if (to) {
        void detail.refetch().then((result) => {
          if (result.data?.activity.status === to) {
            show(t('activity:flash.moved', { status: t(`domain:status.${to}`) }));
          }
        });
      }
    },
  });
  useMarkRead(fetched, personId);
  function show(message: string) {
    setFlash(null);
    // Set after a tick so that the same message is announced again.
    setTimeout(() => setFlash(message), 0);
  }
  useDocumentTitle(fetched ? headingOf(fetched, t) : t('activity:detail.loadingTitle'));

  // The message of the creation page is shown once; a reload should not repeat it.
  useEffect(() => {
    if (location.state) {
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, [location.state, location.pathname, navigate]);
  const loaded = fetched !== undefined;
  useEffect(() => {
    if (flash && loaded) {
      flashRef.current?.focus();
    }
  }, [flash, loaded]);

  if (detail.isPending) {
    return <PageLoader />;
  }
  if (!fetched) {
    return (
      <VStack gap="space-16">
        <Heading level="1" size="large">
          {t('activity:detail.notFound')}
        </Heading>
        {detail.error instanceof ApiError && detail.error.status === 404 ? <BodyLong>{t('activity:detail.notFoundText')}</BodyLong> : <ApiErrorAlert error={detail.error} />}
        <AkselLink as={Link} to={base || '/'}>
          {t('activity:detail.back')}
        </AkselLink>
      </VStack>
    );
  }

  const planWritable = plan.data ? plan.data.writable && plan.data.period?.id === fetched.periodId : false;
  // What this side may do now: the server's flag, narrowed by the plan (a reserved citizen reads only).
  const activity: Activity = { ...fetched, editable: fetched.editable && planWritable };
  const history = detail.data?.history ?? [];
  const move = (to: Activity['status']) => {
    moving.current = to;
    setFlash(null);
    changeStatus.move(activity, to);
  };
  const endEdit = (outcome: EditOutcome) => {
    setEditing(false);
    if (outcome === 'saved') {
      show(t('activity:flash.saved'));
    } else if (outcome === 'lockedMeanwhile') {
      show(t('activity:flash.lockedMeanwhile'));
    } else {
      setTimeout(() => document.getElementById(EDIT_BUTTON_ID)?.focus(), 0);
    }
  };

  return (
    <>
      <VStack gap="space-24" style={{ maxWidth: '48rem' }}>
        <AkselLink as={Link} to={base || '/'}>
          <ArrowLeftIcon aria-hidden />
          {t('activity:detail.back')}
        </AkselLink>
        <ActivityHeader activity={activity} history={history} role={role} />
        {flash ? (
          <Alert variant="success" ref={flashRef} tabIndex={-1} role="status" closeButton onClose={() => setFlash(null)} data-testid="activity-flash">
            {flash}
          </Alert>
        ) : null}
        {changeStatus.outcome ? <MoveOutcomeAlert outcome={changeStatus.outcome} onClose={changeStatus.clearOutcome} /> : null}
        {editing && isFormType(activity.type) ? (
          <EditActivity activity={{ ...activity, type: activity.type }} role={role} personId={personId} onDone={endEdit} />
        ) : (
          <>
            {mayAnswerSuggestion(activity, role) ? (
              <SuggestionResponse onAccept={() => move('PLANNED')} onDecline={() => move('CANCELLED')} busy={changeStatus.pendingId === activity.id} />
            ) : null}
            <AdvanceNoticeBlock activity={activity} role={role} personId={personId} writable={planWritable} onConfirmed={() => show(t('agreement:notice.confirmedFlash'))} />
            <StateInfo activity={activity} role={role} writable={planWritable} />
            <ActionBar
              activity={activity}
              role={role}
              onEdit={() => setEditing(true)}
              onMove={move}
              moving={changeStatus.pendingId === activity.id}
              onOpen={setDialog}
            />
            <ActivityDialogLink activity={activity} personId={personId} base={base} />
            <VStack as="section" gap="space-12" aria-labelledby="activity-details-heading">
              <Heading level="2" size="medium" id="activity-details-heading">
                {t('activity:detail.details')}
              </Heading>
              {isFormType(activity.type) ? <ActivityFields activity={{ ...activity, type: activity.type }} /> : <ExternalDetails activity={activity} />}
            </VStack>
            {activity.type === 'MEETING' || activity.type === 'CONVERSATION_SUMMARY' ? (
              <SummarySection
                activity={activity}
                role={role}
                personId={personId}
                canWrite={mayWriteSummary(activity, role)}
                onSaved={(shared) => show(t(shared ? 'agreement:summary.sharedFlash' : 'agreement:summary.savedFlash'))}
              />
            ) : null}
            {activity.type === 'JOB_APPLICATION' && planWritable ? (
              <ApplicationStatusForm activity={activity} role={role} personId={personId} onSaved={() => show(t('activity:flash.applicationStatus'))} />
            ) : null}
            <HistoryList history={history} />
          </>
        )}
        {changeStatus.dialog}
        {dialog === 'agreement' ? (
          <AgreementDialog
            activity={activity}
            personId={personId}
            onClose={() => setDialog(null)}
            onAgreed={(type) => {
              setDialog(null);
              show(t(`agreement:dialog.done.${type}`));
            }}
          />
        ) : null}
        {dialog === 'endDate' ? (
          <EndDateDialog
            activity={activity}
            personId={personId}
            onClose={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              show(t('agreement:endDate.done'));
            }}
          />
        ) : null}
      </VStack>
    </>
  );
}
