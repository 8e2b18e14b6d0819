import { Alert, BodyLong, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { FINAL_STATUSES } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';

interface Props {
  activity: Activity;
  role: 'citizen' | 'advisor';
  /** The plan can be written now. */
  writable: boolean;
}

/**
 * Says plainly what can and cannot be changed on this activity now, and why: finished, agreed
 * with NAV, changed only by NAV, or a plan that is read-only. Also the reason given when it ended.
 */
export function StateInfo({ activity, role, writable }: Props) {
  const { t } = useTranslation();
  const final = FINAL_STATUSES.includes(activity.status);
  const lines: string[] = [];
  if (!writable) {
    lines.push(t(`activity:state.readOnly.${role}`));
  } else if (activity.type === 'EXTERNAL') {
    // ExternalDetails says where it is changed.
  } else if (final) {
    lines.push(t(`activity:state.final.${activity.status}`));
    if (activity.type === 'JOB_APPLICATION') {
      lines.push(t('activity:state.finalApplicationStatus'));
    }
  } else if (role === 'citizen' && (activity.type === 'MEETING' || activity.type === 'CONVERSATION_SUMMARY')) {
    lines.push(t(`activity:state.navOnly.${activity.type}`));
  } else if (activity.agreedWithNav) {
    if (role === 'citizen') {
      lines.push(t(activity.type === 'MEDICAL_TREATMENT' ? 'activity:state.agreed.citizenMedical' : 'activity:state.agreed.citizen'));
    } else {
      lines.push(t(activity.type === 'MEETING' ? 'activity:state.agreed.advisorMeeting' : 'activity:state.agreed.advisor'));
    }
  } else if (role === 'advisor' && activity.status === 'SUGGESTED' && activity.proposedBy === 'ADVISOR') {
    lines.push(t('activity:state.awaitingCitizen'));
  }
  if (lines.length === 0 && !activity.closingReason) {
    return null;
  }
  return (
    <Alert variant="info" data-testid="activity-state">
      <VStack gap="space-8">
        {lines.map((line) => (
          <BodyLong key={line}>{line}</BodyLong>
        ))}
        {activity.closingReason ? (
          <BodyLong style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t(activity.status === 'CANCELLED' ? 'activity:state.reasonCancelled' : 'activity:state.reasonCompleted')}</strong> {activity.closingReason}
          </BodyLong>
        ) : null}
      </VStack>
    </Alert>
  );
}
