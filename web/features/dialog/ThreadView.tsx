import { ArrowLeftIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Button, Detail, Heading, Link as AkselLink, VStack } from '@navikt/ds-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import type { Activity } from '#common/schemas/activity.ts';
import type { NotificationHold, ThreadList } from '#common/schemas/dialog.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { Composer } from './Composer.tsx';
import { useThread } from './dialog-queries.ts';
import { MessageList } from './MessageList.tsx';
import { NotificationStatus } from './NotificationStatus.tsx';
import { ThreadTags } from './ThreadTags.tsx';
import { ThreadStatusControls } from './ThreadStatusControls.tsx';
import { useMarkThreadRead } from './use-mark-read.ts';

/** What the page says after a message went: for NAV, when (or why not) the citizen hears of it. */
export interface SentNotice {
  hold: NotificationHold | null;
}

interface Props {
  threadId: string;
  list: ThreadList;
  role: 'citizen' | 'advisor';
  personId: string;
  base: string;
  /** The list's choices (?filter=…), kept on the way back. */
  search: string;
  activity: Activity | undefined;
  citizenName: string | null;
  /** Whether a new thread can be started now (in the current period). */
  canStartNew: boolean;
}

function SentAlert({ notice, role, citizenName }: { notice: SentNotice; role: Props['role']; citizenName: string | null }) {
  const { t } = useTranslation(['dialog']);
  const name = citizenName ?? t('dialog:sender.citizen');
  const text = role === 'citizen' ? t('dialog:sent.citizen') : notice.hold ? t(`dialog:sent.held.${notice.hold}`, { name }) : t('dialog:sent.advisor', { name });
  return (
    <Alert variant={notice.hold ? 'warning' : 'success'} size="small" role="status" data-testid="sent-notice">
      {text}
    </Alert>
  );
}

/** One thread: its subject (and activity), the messages, and the answer box or why there is none. */
export function ThreadView({ threadId, list, role, personId, base, search, activity, citizenName, canStartNew }: Props) {
  const { t } = useTranslation(['dialog', 'domain']);
  const location = useLocation();
  const navigate = useNavigate();
  const thread = useThread(threadId);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [sent, setSent] = useState<SentNotice | null>(null);
  const data = thread.data;
  useMarkThreadRead(data, personId);

  // The new-thread form's outcome is shown once; a reload should not repeat it.
  const incoming = (location.state as { sent?: SentNotice } | null)?.sent;
  useEffect(() => {
    if (incoming) {
      setSent(incoming);
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [incoming, location.pathname, location.search, navigate]);

  // Opening a thread moves the focus to its heading, so a screen reader starts there.
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) {
      headingRef.current?.focus();
    }
  }, [loaded]);

  if (thread.isPending) {
    return <PageLoader />;
  }
  if (!data) {
    const missing = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <VStack gap="space-16" className="dialog-thread">
        <Heading level="2" size="medium" ref={headingRef} tabIndex={-1}>
          {t('dialog:thread.notFound')}
        </Heading>
        {missing ? <BodyLong>{t('dialog:thread.notFoundText')}</BodyLong> : <ApiErrorAlert error={thread.error} />}
        <AkselLink as={RouterLink} to={`${base}/dialog${search}`}>
          {t('dialog:thread.back')}
        </AkselLink>
      </VStack>
    );
  }

  const canAnswer = data.writable && list.canSend;
  return (
    <VStack as="section" gap="space-16" aria-labelledby={headingId} className="dialog-thread" data-testid="dialog-thread">
      <AkselLink as={RouterLink} to={`${base}/dialog${search}`} className="dialog-back">
        <ArrowLeftIcon aria-hidden />
        {t('dialog:thread.back')}
      </AkselLink>
      <VStack gap="space-4">
        {activity ? <Detail textColor="subtle">{t(`domain:activityType.${activity.type}`)}</Detail> : null}
        <Heading level="2" size="medium" id={headingId} ref={headingRef} tabIndex={-1} className="dialog-thread__heading">
          {data.subject}
        </Heading>
        <ThreadTags thread={data} role={role} />
        {data.activityId ? (
          <AkselLink as={RouterLink} to={`${base}/activities/${data.activityId}`}>
            {t('dialog:thread.toActivity')}
          </AkselLink>
        ) : null}
      </VStack>
      <MessageList thread={data} role={role} citizenName={citizenName} />
      {role === 'advisor' && data.notification ? <NotificationStatus notification={data.notification} /> : null}
      {sent ? <SentAlert notice={sent} role={role} citizenName={citizenName} /> : null}
      {!data.writable ? (
        <Alert variant="info" size="small" data-testid="thread-read-only">
          <BodyLong spacing={canStartNew}>{t('dialog:thread.readOnly')}</BodyLong>
          {canStartNew ? (
            <Button as={RouterLink} to={`${base}/dialog/new`} variant="secondary" size="small">
              {t('dialog:list.new')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {canAnswer ? <Composer key={data.id} personId={personId} threadId={data.id} role={role} onSent={(result) => setSent({ hold: result.notificationHold })} /> : null}
      {role === 'advisor' && data.writable ? <ThreadStatusControls thread={data} personId={personId} /> : null}
    </VStack>
  );
}
