import { ChatIcon, DragVerticalIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, Heading, Link, Tag } from '@navikt/ds-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import { isLanguage } from '#common/i18n/languages.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { useActivityUnread } from '#web/features/dialog/dialog-queries.ts';
import { activityTitle } from '#web/features/status/activity-title.ts';
import { allowedMoves, type MoveRole } from '#web/features/status/moves.ts';
import { StatusMenu } from '#web/features/status/StatusMenu.tsx';
import type { DragBindings } from './board-types.ts';
import { cardDates, cardLabels } from './card-labels.ts';

interface ActivityCardProps {
  activity: Activity;
  role: MoveRole;
  base: string;
  busy: boolean;
  onMove: (activity: Activity, to: ActivityStatus) => void;
  /** Present once drag and drop has loaded and the card may be moved. */
  drag?: DragBindings;
}

/**
 * One activity on the board. The title links to the activity (the link covers the whole card);
 * the drag handle and the "Move" menu sit above the link and appear only when the rules allow a move.
 */
export const ActivityCard = memo(function ActivityCard({ activity, role, base, busy, onMove, drag }: ActivityCardProps) {
  const { t, i18n } = useTranslation(['board', 'domain', 'status']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const title = activityTitle(activity, t);
  const movable = allowedMoves(activity, role).length > 0;
  const dates = cardDates(activity, language, t);
  const labels = cardLabels(activity, role, t);
  // Unread messages in the activity's thread (the board provides the counts).
  const unreadMessages = useActivityUnread(activity.id);
  const transform = drag?.transform;
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;

  return (
    <li className="board-card-item">
      <div
        ref={drag?.setNodeRef}
        style={style}
        className={`board-card${drag?.isDragging ? ' board-card--dragging' : ''}`}
        data-testid="activity-card"
        data-activity-id={activity.id}
        data-status={activity.status}
      >
        {/* A card without a title of its own is called by its type; no need to say it twice. */}
        {activity.title ? <Detail className="board-card__type">{t(`domain:activityType.${activity.type}`)}</Detail> : null}
        <Heading level="3" size="xsmall" className="board-card__title">
          <Link as={RouterLink} to={`${base}/activities/${activity.id}`} className="board-card__link" data-focus-part="link">
            {title}
          </Link>
        </Heading>
        {dates ? <BodyShort size="small">{dates}</BodyShort> : null}
        {labels.length > 0 ? (
          <ul className="board-card__labels" aria-label={t('board:card.labels')}>
            {labels.map((label) => (
              <li key={label.key}>
                <Tag size="xsmall" variant="moderate" data-color={label.color}>
                  {label.text}
                </Tag>
              </li>
            ))}
          </ul>
        ) : null}
        {unreadMessages > 0 ? (
          <Tag size="xsmall" variant="strong" data-color="accent" icon={<ChatIcon aria-hidden />} style={{ alignSelf: 'flex-start' }} data-testid="card-unread-messages">
            {t('board:card.messages', { count: unreadMessages })}
          </Tag>
        ) : null}
        {movable ? (
          <div className="board-card__actions">
            {drag ? (
              <Button
                ref={drag.setActivatorNodeRef}
                type="button"
                variant="tertiary-neutral"
                size="small"
                className="board-card__handle"
                icon={<DragVerticalIcon aria-hidden />}
                aria-label={t('board:card.dragLabel', { title })}
                data-focus-part="handle"
                {...drag.attributes}
                {...drag.listeners}
              />
            ) : null}
            <StatusMenu activity={activity} role={role} busy={busy} onMove={(to) => onMove(activity, to)} />
          </div>
        ) : null}
      </div>
    </li>
  );
});
