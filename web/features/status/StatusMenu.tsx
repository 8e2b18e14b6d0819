import { ArrowsSquarepathIcon } from '@navikt/aksel-icons';
import { Button } from '@navikt/ds-react';
import { useState, useSyncExternalStore, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { activityTitle } from './activity-title.ts';
import { allowedMoves, type MoveRole } from './moves.ts';
import type { StatusMenuPopupProps } from './StatusMenuPopup.tsx';

export interface StatusMenuProps {
  activity: Activity;
  role: MoveRole;
  onMove: (to: ActivityStatus) => void;
  /** While a move of this activity is being saved. */
  busy?: boolean;
  size?: 'small' | 'medium';
}

/*
 * The menu itself (Aksel's ActionMenu with its positioning library) is not needed for the first
 * card, so it loads when a "Move" button is first pointed at, focused or pressed. Until then each
 * card shows a button that looks and is announced the same; when the menu arrives, the button
 * that had focus keeps it and a press that asked for the menu opens it.
 */
let Popup: ComponentType<StatusMenuPopupProps> | null = null;
let loading: Promise<void> | null = null;
let focusedWhenLoaded: string | null = null;
const listeners = new Set<() => void>();

export function preloadStatusMenu(): Promise<void> {
  loading ??= import('./StatusMenuPopup.tsx').then(
    (module) => {
      focusedWhenLoaded = document.activeElement?.getAttribute('data-status-menu-for') ?? null;
      Popup = module.StatusMenuPopup;
      listeners.forEach((listener) => listener());
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hands the focus over once, to the menu whose stand-in button had it when the menu loaded. */
function takeFocus(activityId: string): boolean {
  if (focusedWhenLoaded === activityId) {
    focusedWhenLoaded = null;
    return true;
  }
  return false;
}

/**
 * "Move to …": the keyboard's and the screen reader's way to move a card, offering only the
 * statuses the rules allow. Renders nothing when the caller cannot move the activity.
 */
export function StatusMenu({ activity, role, onMove, busy = false, size = 'small' }: StatusMenuProps) {
  const { t } = useTranslation(['status', 'domain']);
  const Loaded = useSyncExternalStore(subscribe, () => Popup);
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  const moves = allowedMoves(activity, role);
  if (moves.length === 0) {
    return null;
  }
  const preload = () => void preloadStatusMenu().catch(() => undefined);
  const triggerProps = {
    variant: 'tertiary',
    size,
    icon: <ArrowsSquarepathIcon aria-hidden />,
    loading: busy,
    'aria-label': t('status:menu.triggerLabel', { title: activityTitle(activity, t) }),
    'data-testid': 'status-menu-trigger',
    'data-status-menu-for': activity.id,
    'data-focus-part': 'menu',
    children: t('status:menu.trigger'),
  } as const;
  if (Loaded) {
    return (
      <Loaded
        trigger={<Button {...triggerProps} />}
        activity={activity}
        moves={moves}
        onMove={onMove}
        initiallyOpen={openWhenLoaded}
        takeFocus={() => takeFocus(activity.id) || openWhenLoaded}
      />
    );
  }
  return (
    <Button
      {...triggerProps}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => {
        setOpenWhenLoaded(true);
        preload();
      }}
    />
  );
}
