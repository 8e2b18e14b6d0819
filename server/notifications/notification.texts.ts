import { translate, type Language } from '#common/i18n/catalogue.ts';
import type { NotificationKind } from '#server/db/types.ts';

/**
 * What a notification says, from the catalogue in the citizen's language: that there is something
 * new, and a link into the app. Never the message itself, a name or a national id — the texts are
 * fixed, and the only thing filled in is the link, which carries an opaque id.
 */
export interface NotificationText {
  subject: string;
  /** The e-mail's plain text. */
  body: string;
  /** Short, one line. */
  sms: string;
}

/** Where the citizen lands: the thread for messages and warnings, the activity for the rest. */
export function linkFor(publicUrl: string, kind: NotificationKind, subjectId: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return kind === 'NAV_MESSAGE' || kind === 'ESCALATION_WARNING' ? `${base}/dialog/${subjectId}` : `${base}/activities/${subjectId}`;
}

export function notificationText(language: Language, kind: NotificationKind, link: string): NotificationText {
  const t = (key: string) => translate(language, `notification.${key}`, { link });
  return {
    subject: t(`${kind}.subject`),
    body: `${t('greeting')}\n\n${t(`${kind}.body`)}\n\n${t('footer')}\n`,
    sms: t(`${kind}.sms`),
  };
}
