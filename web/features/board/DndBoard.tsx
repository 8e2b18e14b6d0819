import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { activityTitle } from '#web/features/status/activity-title.ts';
import { allowedMoves, type MoveRole } from '#web/features/status/moves.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import type { CardDragData, ColumnsProps } from './board-types.ts';
import { boardCollision, columnCoordinates } from './keyboard-dnd.ts';

const dragData = (data: unknown) => data as CardDragData | undefined;

interface DraggableCardProps {
  activity: Activity;
  role: MoveRole;
  base: string;
  busy: boolean;
  onMove: (activity: Activity, to: ActivityStatus) => void;
}

function DraggableCard({ activity, role, base, busy, onMove }: DraggableCardProps) {
  const { t } = useTranslation(['board', 'domain']);
  const movable = allowedMoves(activity, role).length > 0;
  const data: CardDragData = { activity, title: activityTitle(activity, t), status: activity.status };
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, transform, isDragging } = useDraggable({
    id: activity.id,
    data,
    disabled: !movable || busy,
    attributes: { roleDescription: t('board:dnd.roleDescription') },
  });
  const drag = movable ? { setNodeRef, setActivatorNodeRef, listeners, attributes, transform, isDragging } : undefined;
  return <ActivityCard activity={activity} role={role} base={base} busy={busy} onMove={onMove} drag={drag} />;
}

type DroppableColumnProps = Omit<ColumnsProps, 'columns' | 'statusFilter' | 'unfolded'> & {
  status: ActivityStatus;
  cards: Activity[];
  accepts: boolean | null;
  filteredOut: boolean;
  showOlder: boolean;
};

function DroppableColumn({ status, cards, accepts, filteredOut, showOlder, now, onToggleOlder, role, base, pendingId, onMove }: DroppableColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: status, disabled: accepts === false });
  return (
    <BoardColumn
      status={status}
      cards={cards}
      filteredOut={filteredOut}
      now={now}
      showOlder={showOlder}
      onToggleOlder={onToggleOlder}
      drop={{ setNodeRef, isOver, accepts }}
      renderCard={(activity) => <DraggableCard key={activity.id} activity={activity} role={role} base={base} busy={pendingId === activity.id} onMove={onMove} />}
    />
  );
}

/**
 * The columns with drag and drop (loaded after the first paint). Pointer: drag the handle. Keyboard:
 * Space/Enter on the handle lifts the card, the arrow keys jump to the next column that may take it,
 * Space/Enter drops, Escape cancels; each step is announced from the catalogue. Only columns the
 * rules allow accept the card, and dropping there is the same move as the "Move" menu.
 */
export function DndBoard(props: ColumnsProps) {
  const { columns, role, statusFilter, unfolded, onMove } = props;
  const { t } = useTranslation(['board', 'domain']);
  const [dragged, setDragged] = useState<Activity | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, scrollBehavior: 'auto' }),
  );
  const targets = useMemo(() => (dragged ? new Set<string>([dragged.status, ...allowedMoves(dragged, role)]) : null), [dragged, role]);

  const statusName = (id: unknown) => t(`domain:status.${String(id)}`);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const data = dragData(active.data.current);
      return t('board:dnd.picked', { title: data?.title, status: statusName(data?.status) });
    },
    onDragOver: ({ active, over }) => {
      const title = dragData(active.data.current)?.title;
      return over ? t('board:dnd.over', { title, status: statusName(over.id) }) : t('board:dnd.notOver', { title });
    },
    onDragEnd: ({ active, over }) => {
      const data = dragData(active.data.current);
      if (!over || over.id === data?.status) {
        return t('board:dnd.droppedNoMove', { title: data?.title, status: statusName(data?.status) });
      }
      return t('board:dnd.dropped', { title: data?.title, status: statusName(over.id) });
    },
    onDragCancel: ({ active }) => {
      const data = dragData(active.data.current);
      return t('board:dnd.cancelled', { title: data?.title, status: statusName(data?.status) });
    },
  };

  function onDragStart({ active }: DragStartEvent) {
    setDragged(dragData(active.data.current)?.activity ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(null);
    const activity = dragData(active.data.current)?.activity;
    const to = over?.id as ActivityStatus | undefined;
    if (activity && to && to !== activity.status && allowedMoves(activity, role).includes(to)) {
      onMove(activity, to);
    }
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board:dnd.instructions') } }}
    >
      <div className={`board-columns${dragged ? ' board-columns--dragging' : ''}`} data-testid="board" data-dnd="ready">
        {columns.map(({ status, cards }) => (
          <DroppableColumn
            key={status}
            {...props}
            status={status}
            cards={cards}
            accepts={targets ? targets.has(status) : null}
            filteredOut={statusFilter.length > 0 && !statusFilter.includes(status)}
            showOlder={unfolded.has(status)}
          />
        ))}
      </div>
    </DndContext>
  );
}
