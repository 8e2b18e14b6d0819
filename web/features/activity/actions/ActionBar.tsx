import { PencilIcon } from '@navikt/aksel-icons';
import { BodyLong, Button, HStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { allowedMoves, moveBlockedBy } from '#web/features/status/moves.ts';
import { StatusMenu } from '#web/features/status/StatusMenu.tsx';
import { mayAgree, mayChangeEndDate, mayEditContent, type Role } from './rules.ts';

export const EDIT_BUTTON_ID = 'activity-edit-button';

interface Props {
  activity: Activity;
  role: Role;
  onEdit: () => void;
  onMove: (to: ActivityStatus) => void;
  moving: boolean;
  onOpen: (dialog: 'agreement' | 'endDate') => void;
}

/** What this side may do with the activity now; nothing is offered that the rules would refuse. */
export function ActionBar({ activity, role, onEdit, onMove, moving, onOpen }: Props) {
  const { t } = useTranslation();
  const edit = mayEditContent(activity, role);
  const endDate = mayChangeEndDate(activity, role);
  const agree = mayAgree(activity, role);
  const moves = allowedMoves(activity, role).length > 0;
  // A meeting waits for its shared summary before it can be completed: said, not just left out.
  const waitsForSummary = activity.editable && activity.type === 'MEETING' && moveBlockedBy(activity, 'COMPLETED') !== null;
  if (!edit && !endDate && !agree && !moves) {
    return null;
  }
  return (
    <>
      <HStack gap="space-12" data-testid="activity-actions">
        {edit ? (
          <Button id={EDIT_BUTTON_ID} variant="secondary" size="small" icon={<PencilIcon aria-hidden />} onClick={onEdit}>
            {t('activity:detail.edit')}
          </Button>
        ) : null}
        <StatusMenu activity={activity} role={role} onMove={onMove} busy={moving} />
        {endDate ? (
          <Button variant="secondary" size="small" onClick={() => onOpen('endDate')}>
            {t('agreement:endDate.open')}
          </Button>
        ) : null}
        {agree ? (
          <Button variant="secondary" size="small" onClick={() => onOpen('agreement')}>
            {t('agreement:dialog.open')}
          </Button>
        ) : null}
      </HStack>
      {waitsForSummary ? <BodyLong size="small">{t('agreement:summary.meetingNeedsShare')}</BodyLong> : null}
    </>
  );
}
