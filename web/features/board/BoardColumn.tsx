import { BodyShort, Button, Heading } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { DropBindings } from './board-types.ts';
import { foldOlder } from './folding.ts';

interface BoardColumnProps {
  status: ActivityStatus;
  cards: Activity[];
  /** The status filter leaves this column out. */
  filteredOut: boolean;
  now: number;
  showOlder: boolean;
  onToggleOlder: (status: ActivityStatus) => void;
  renderCard: (activity: Activity) => ReactNode;
  /** Present once drag and drop has loaded. */
  drop?: DropBindings;
}

const FOLDING: readonly ActivityStatus[] = ['COMPLETED', 'CANCELLED'];

export function columnHeadingId(status: ActivityStatus): string {
  return `board-column-${status}`;
}

/** One status column: heading with its count, the cards newest first, finished ones folded when old. */
export function BoardColumn({ status, cards, filteredOut, now, showOlder, onToggleOlder, renderCard, drop }: BoardColumnProps) {
  const { t } = useTranslation(['board', 'domain']);
  const { recent, older } = FOLDING.includes(status) ? foldOlder(cards, now) : { recent: cards, older: [] };
  const headingId = columnHeadingId(status);
  const olderId = `${headingId}-older`;
  const accepts = drop?.accepts ?? null;
  const classes = ['board-column', accepts === true ? 'board-column--target' : '', accepts === false ? 'board-column--closed' : '', drop?.isOver && accepts ? 'board-column--over' : ''];

  return (
    <section ref={drop?.setNodeRef} className={classes.filter(Boolean).join(' ')} aria-labelledby={headingId} data-testid={`column-${status}`}>
      <Heading level="2" size="xsmall" id={headingId} tabIndex={-1} className="board-column__heading">
        {t(`domain:status.${status}`)} <span aria-hidden="true">({cards.length})</span>
        <span className="aksel-sr-only">{t('board:column.count', { count: cards.length })}</span>
      </Heading>
      {cards.length === 0 ? (
        <BodyShort size="small" className="board-column__empty">
          {filteredOut ? t('board:column.filteredOut') : t('board:column.empty')}
        </BodyShort>
      ) : (
        <ul className="board-column__cards">{recent.map(renderCard)}</ul>
      )}
      {older.length > 0 ? (
        <>
          <Button id={`${headingId}-toggle`} variant="tertiary" size="small" aria-expanded={showOlder} aria-controls={showOlder ? olderId : undefined} onClick={() => onToggleOlder(status)}>
            {showOlder ? t(`board:column.hideOlder.${status}`) : t(`board:column.showOlder.${status}`, { count: older.length })}
          </Button>
          {showOlder ? (
            <ul className="board-column__cards" id={olderId}>
              {older.map(renderCard)}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
