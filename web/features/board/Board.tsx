import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ComponentType } from 'react';
import { ACTIVITY_STATUSES, type ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { MoveRole } from '#web/features/status/moves.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import type { ColumnsProps } from './board-types.ts';
import { byNewest } from './folding.ts';

/*
 * Drag and drop (dnd-kit) is not needed to show the first card, so it loads right after the board
 * is on screen (when the browser is idle, or at once when the board is pointed at or focused).
 * Until then the columns are the same without drag handles; the "Move" menu works throughout.
 * When it arrives, the element that had focus gets it back.
 */
let DndBoard: ComponentType<ColumnsProps> | null = null;
let loading: Promise<void> | null = null;
let focusToRestore: string | null = null;
const listeners = new Set<() => void>();

/** A selector that finds the focused element again after the columns are rendered anew. */
function focusedSelector(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.closest('.board-columns')) {
    return null;
  }
  const card = active.closest<HTMLElement>('[data-activity-id]');
  const part = active.dataset.focusPart;
  if (card && part) {
    return `[data-activity-id="${card.dataset.activityId}"] [data-focus-part="${part}"]`;
  }
  return active.id ? `#${CSS.escape(active.id)}` : null;
}

export function loadDragAndDrop(): Promise<void> {
  loading ??= import('./DndBoard.tsx').then(
    (module) => {
      focusToRestore = focusedSelector();
      DndBoard = module.DndBoard;
      listeners.forEach((listener) => listener());
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const load = () => void loadDragAndDrop().catch(() => undefined);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The five columns without drag and drop. */
function PlainColumns({ columns, role, base, statusFilter, pendingId, now, unfolded, onToggleOlder, onMove }: ColumnsProps) {
  return (
    <div className="board-columns" data-testid="board">
      {columns.map(({ status, cards }) => (
        <BoardColumn
          key={status}
          status={status}
          cards={cards}
          filteredOut={statusFilter.length > 0 && !statusFilter.includes(status)}
          now={now}
          showOlder={unfolded.has(status)}
          onToggleOlder={onToggleOlder}
          renderCard={(activity) => <ActivityCard key={activity.id} activity={activity} role={role} base={base} busy={pendingId === activity.id} onMove={onMove} />}
        />
      ))}
    </div>
  );
}

interface BoardProps {
  activities: Activity[];
  role: MoveRole;
  base: string;
  statusFilter: string[];
  pendingId: string | null;
  onMove: (activity: Activity, to: ActivityStatus) => void;
}

/**
 * The five status columns. A card moves by its "Move" menu, or — once drag and drop has loaded —
 * by dragging its handle with a pointer or with the keyboard.
 */
export function Board({ activities, role, base, statusFilter, pendingId, onMove }: BoardProps) {
  const Loaded = useSyncExternalStore(subscribe, () => DndBoard);
  // Read once, so that folding does not shift while the board is shown.
  const [now] = useState(() => Date.now());
  const [unfolded, setUnfolded] = useState<ReadonlySet<ActivityStatus>>(() => new Set());
  const columns = useMemo(() => {
    const sorted = [...activities].sort(byNewest);
    return ACTIVITY_STATUSES.map((status) => ({ status, cards: sorted.filter((a) => a.status === status) }));
  }, [activities]);
  const onToggleOlder = useCallback(
    (status: ActivityStatus) =>
      setUnfolded((previous) => {
        const next = new Set(previous);
        if (!next.delete(status)) {
          next.add(status);
        }
        return next;
      }),
    [],
  );

  useEffect(() => {
    if (Loaded) {
      return;
    }
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(load, 300);
    return () => window.clearTimeout(id);
  }, [Loaded]);

  useLayoutEffect(() => {
    if (Loaded && focusToRestore) {
      document.querySelector<HTMLElement>(focusToRestore)?.focus();
      focusToRestore = null;
    }
  }, [Loaded]);

  const props: ColumnsProps = { columns, role, base, statusFilter, pendingId, now, unfolded, onToggleOlder, onMove };
  return (
    <div onPointerOver={Loaded ? undefined : load} onFocus={Loaded ? undefined : load}>
      {Loaded ? <Loaded {...props} /> : <PlainColumns {...props} />}
    </div>
  );
}
