import type { TFunction } from 'i18next';
import type { Message } from '#common/schemas/dialog.ts';

/**
 * Who wrote a message, as the reader may know it: the citizen reads "You" or the NAV office (never
 * which advisor); the advisor reads the citizen's name, or the office and the colleague's NAV ident.
 */
export function senderName(t: TFunction, role: 'citizen' | 'advisor', message: Pick<Message, 'side' | 'senderIdent' | 'office'>, citizenName: string | null): string {
  if (message.side === 'CITIZEN') {
    return role === 'citizen' ? t('dialog:sender.you') : citizenName || t('dialog:sender.citizen');
  }
  const office = message.office?.name?.trim() || t('dialog:sender.nav');
  return role === 'advisor' && message.senderIdent ? `${office} · ${message.senderIdent}` : office;
}
