import { Buildings3Icon, PersonIcon } from '@navikt/aksel-icons';
import { Chat, Detail, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { Thread } from '#common/schemas/dialog.ts';
import { MessageText } from './MessageText.tsx';
import { senderName } from './sender.ts';
import '@navikt/ds-css/dist/component/chat.css';

type Role = 'citizen' | 'advisor';

/** The last NAV message the citizen has read (advisor only), for "Read by … at …" under it. */
function lastReadByCitizen(thread: Thread): string | null {
  for (let i = thread.messages.length - 1; i >= 0; i--) {
    const message = thread.messages[i]!;
    if (message.side === 'NAV' && message.readByCitizen) {
      return message.id;
    }
  }
  return null;
}

/**
 * The messages, oldest first, as chat bubbles: the reader's own side on the right. It is a log, so
 * a screen reader hears a new message arrive; each message starts with a small heading naming the
 * sender and the time.
 */
export function MessageList({ thread, role, citizenName }: { thread: Thread; role: Role; citizenName: string | null }) {
  const { t, i18n } = useTranslation(['dialog']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const ownSide = role === 'citizen' ? 'CITIZEN' : 'NAV';
  const readId = role === 'advisor' && thread.citizenReadAt ? lastReadByCitizen(thread) : null;
  return (
    <div role="log" aria-label={t('dialog:thread.messages')} className="dialog-messages">
      <ol className="dialog-messages__list">
        {thread.messages.map((message) => {
          const own = message.side === ownSide;
          return (
            <li key={message.id} className={`dialog-message dialog-message--${own ? 'own' : 'other'}`} data-testid="dialog-message" data-side={message.side}>
              <Chat
                name={senderName(t, role, message, citizenName)}
                timestamp={formatDateTime(language, message.sentAt)}
                position={own ? 'right' : 'left'}
                data-color={own ? 'accent' : 'neutral'}
                avatar={message.side === 'NAV' ? <Buildings3Icon aria-hidden fontSize="1.5rem" /> : <PersonIcon aria-hidden fontSize="1.5rem" />}
                toptextHeadingLevel="3"
              >
                <Chat.Bubble>
                  {message.important ? (
                    <Tag variant="error" size="xsmall" className="dialog-message__important">
                      {t('dialog:message.important')}
                    </Tag>
                  ) : null}
                  <MessageText text={message.text} />
                </Chat.Bubble>
              </Chat>
              {message.id === readId && thread.citizenReadAt ? (
                <Detail className="dialog-message__receipt" data-testid="read-receipt">
                  {t('dialog:message.readByCitizen', { time: formatDateTime(language, thread.citizenReadAt) })}
                </Detail>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
