import { pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { ACTIVITY_STATUSES } from '#common/activity-kinds.ts';

/**
 * Dragging by keyboard jumps a whole column per arrow key (right/down = next, left/up = previous),
 * skipping the columns the card may not go to, instead of dnd-kit's default 25 px steps.
 */
const FORWARD = ['ArrowRight', 'ArrowDown'];
const BACKWARD = ['ArrowLeft', 'ArrowUp'];
/** How far inside the target column the card's corner lands, clear of its edge. */
const INSET = 12;

export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = FORWARD.includes(event.code);
  if (!forward && !BACKWARD.includes(event.code)) {
    return undefined;
  }
  event.preventDefault();
  const { active, over, droppableContainers, droppableRects } = context;
  const order: readonly string[] = ACTIVITY_STATUSES;
  const from = String(over?.id ?? (active?.data.current as { status?: string } | undefined)?.status ?? '');
  const step = forward ? 1 : -1;
  for (let index = order.indexOf(from) + step; index >= 0 && index < order.length; index += step) {
    const id = order[index]!;
    const rect = droppableRects.get(id);
    if (rect && droppableContainers.get(id)?.disabled === false) {
      return { x: rect.left + INSET, y: rect.top + INSET };
    }
  }
  return undefined;
};

/**
 * With a pointer, the column under it; by keyboard, the column holding the card's top-left
 * corner (where columnCoordinates put it), so a tall neighbour never wins on overlap.
 */
export const boardCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const within = pointerWithin(args);
    return within.length > 0 ? within : rectIntersection(args);
  }
  const { left, top } = args.collisionRect;
  return pointerWithin({ ...args, pointerCoordinates: { x: left + 1, y: top + 1 } });
};
