import { ChatIcon } from '@navikt/aksel-icons';
import { Button, HStack, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Activity } from '#common/schemas/activity.ts';
import { usePlan } from '#web/lib/queries.ts';
import { useThreads } from './dialog-queries.ts';
import './dialog.css';

/**
 * On an activity's page: "send a message about this activity". It opens the activity's thread when
 * there is one (with its unread count), else the new-thread form locked to the activity — offered
 * only while messages can be sent and the activity belongs to the current period.
 */
export function ActivityDialogLink({ activity, personId, base }: { activity: Activity; personId: string; base: string }) {
  const { t } = useTranslation(['activity']);
  const plan = usePlan(personId);
  const current = plan.data?.periods.find((period) => period.current)?.id ?? null;
  const inCurrent = plan.data !== undefined && current === activity.periodId;
  const list = useThreads(personId, plan.data === undefined || inCurrent ? undefined : activity.periodId, plan.data !== undefined);
  const thread = list.data?.threads.find((item) => item.activityId === activity.id);
  if (!list.data) {
    return null;
  }
  if (thread) {
    return (
      <HStack>
        <Button as={RouterLink} to={`${base}/dialog/${thread.id}`} variant="secondary" size="small" icon={<ChatIcon aria-hidden />} data-testid="activity-dialog-link">
        {t('activity:dialog.open')}
        {thread.unreadCount > 0 ? (
          <>
            <Tag variant="strong" data-color="accent" size="xsmall" aria-hidden className="dialog-activity-link__count">
              {thread.unreadCount}
            </Tag>
            <span className="aksel-sr-only">{t('activity:dialog.unread', { count: thread.unreadCount })}</span>
          </>
        ) : null}
        </Button>
      </HStack>
    );
  }
  if (!inCurrent || !list.data.canSend) {
    return null;
  }
  return (
    <HStack>
      <Button as={RouterLink} to={`${base}/dialog/new?activityId=${activity.id}`} variant="secondary" size="small" icon={<ChatIcon aria-hidden />} data-testid="activity-dialog-link">
        {t('activity:dialog.write')}
      </Button>
    </HStack>
  );
}
