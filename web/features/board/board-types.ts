import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { MoveRole } from '#web/features/status/moves.ts';

/** What the columns need, with or without drag and drop. */
export interface ColumnsProps {
  columns: { status: ActivityStatus; cards: Activity[] }[];
  role: MoveRole;
  base: string;
  statusFilter: string[];
  pendingId: string | null;
  now: number;
  /** Finished columns whose older cards are unfolded (kept here so it survives loading drag and drop). */
  unfolded: ReadonlySet<ActivityStatus>;
  onToggleOlder: (status: ActivityStatus) => void;
  onMove: (activity: Activity, to: ActivityStatus) => void;
}

/** dnd-kit's hooks, handed to a card when drag and drop has loaded. */
export interface DragBindings {
  setNodeRef: (element: HTMLElement | null) => void;
  setActivatorNodeRef: (element: HTMLElement | null) => void;
  listeners: DraggableSyntheticListeners;
  attributes: DraggableAttributes;
  transform: { x: number; y: number } | null;
  isDragging: boolean;
}

export interface DropBindings {
  setNodeRef: (element: HTMLElement | null) => void;
  isOver: boolean;
  /** Whether the card being dragged may be dropped here (null when nothing is dragged). */
  accepts: boolean | null;
}

/** What a dragged card carries, for the drop rules and the screen-reader announcements. */
export interface CardDragData {
  activity: Activity;
  title: string;
  status: ActivityStatus;
}
