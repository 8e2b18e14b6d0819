import { ActionMenu } from '@navikt/ds-react';
import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { needsConfirmation } from './moves.ts';
import '@navikt/ds-css/dist/component/actionmenu.css';

export interface StatusMenuPopupProps {
  trigger: ReactElement;
  activity: Activity;
  moves: ActivityStatus[];
  onMove: (to: ActivityStatus) => void;
  initiallyOpen: boolean;
  /** Asked once, when the menu first replaces its stand-in button: should the trigger take focus? */
  takeFocus: () => boolean;
}

/** The "Move to …" menu, loaded on first use by StatusMenu. */
export function StatusMenuPopup({ trigger, moves, onMove, initiallyOpen, takeFocus }: StatusMenuPopupProps) {
  const { t } = useTranslation(['status', 'domain']);
  const [open, setOpen] = useState(initiallyOpen);
  const triggerRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (takeFocus()) {
      triggerRef.current?.focus();
    }
    // Only when the menu first replaces its stand-in button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    // Rendered inside <main>, so the open menu stays within the page's landmarks.
    <ActionMenu open={open} onOpenChange={setOpen} rootElement={document.getElementById('main')}>
      <ActionMenu.Trigger ref={triggerRef}>{trigger}</ActionMenu.Trigger>
      <ActionMenu.Content>
        <ActionMenu.Group label={t('status:menu.groupLabel')}>
          {moves.map((to) => (
            <ActionMenu.Item key={to} onSelect={() => onMove(to)}>
              {/* An ellipsis marks the moves that ask first (they lock the activity). */}
              {needsConfirmation(to) ? `${t(`domain:status.${to}`)} …` : t(`domain:status.${to}`)}
            </ActionMenu.Item>
          ))}
        </ActionMenu.Group>
      </ActionMenu.Content>
    </ActionMenu>
  );
}
