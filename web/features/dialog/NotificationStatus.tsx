import { BellIcon } from '@navikt/aksel-icons';
import { BodyShort, HStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { NotificationState } from '#common/schemas/dialog.ts';

/** Reasons a notification waits that the page can name; any other is told in general words. */
const KNOWN_HOLDS = ['OUTDATED', 'NOT_REGISTERED', 'REGISTER_DOWN', 'DELIVERY_FAILED'];

/** NAV only: what became of the notice to the citizen about the newest NAV message, in plain words. */
export function NotificationStatus({ notification }: { notification: NotificationState }) {
  const { t, i18n } = useTranslation(['dialog']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  let text: string;
  switch (notification.status) {
    case 'PENDING':
      text = t('dialog:notification.pending', { time: formatDateTime(language, notification.dueAt) });
      break;
    case 'SENT':
      text = t('dialog:notification.sent', { time: formatDateTime(language, notification.sentAt ?? notification.dueAt) });
      break;
    case 'CANCELLED':
      text = t('dialog:notification.cancelled');
      break;
    default:
      text = KNOWN_HOLDS.includes(notification.reason ?? '') ? t(`dialog:notification.held.${notification.reason}`) : t('dialog:notification.held.other');
  }
  return (
    <HStack gap="space-8" align="start" wrap={false} data-testid="notification-status">
      <BellIcon aria-hidden fontSize="1.25rem" />
      <BodyShort size="small">{text}</BodyShort>
    </HStack>
  );
}
