import { HStack, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '#common/schemas/dialog.ts';

/**
 * The labels of a thread: important (a warning in force), awaiting the reader ("awaiting you"), and
 * for NAV also whether the citizen is awaited. Threads of an ended period carry none: nothing there
 * can be answered.
 */
export function ThreadTags({ thread, role, inline = false }: { thread: ThreadSummary; role: 'citizen' | 'advisor'; inline?: boolean }) {
  const { t } = useTranslation(['dialog']);
  if (!thread.writable) {
    return null;
  }
  const tags: { key: string; text: string; variant: 'error' | 'warning' | 'info' }[] = [];
  if (thread.escalationActive) {
    tags.push({ key: 'important', text: t('dialog:tags.important'), variant: 'error' });
  }
  if (role === 'citizen' && thread.awaitingCitizen) {
    tags.push({ key: 'awaitingYou', text: t('dialog:tags.awaitingYou'), variant: 'warning' });
  }
  if (role === 'advisor' && thread.awaitingNav) {
    tags.push({ key: 'awaitingNav', text: t('dialog:tags.awaitingNav'), variant: 'info' });
  }
  if (role === 'advisor' && thread.awaitingCitizen) {
    tags.push({ key: 'awaitingCitizen', text: t('dialog:tags.awaitingCitizen'), variant: 'warning' });
  }
  if (tags.length === 0) {
    return null;
  }
  if (inline) {
    // Inside a list row's link: part of the link's name, so plain spans.
    return (
      <span className="dialog-tags dialog-tags--inline">
        {tags.map((tag) => (
          <Tag key={tag.key} size="xsmall" variant={tag.variant}>
            {tag.text}
          </Tag>
        ))}
      </span>
    );
  }
  return (
    <HStack as="ul" gap="space-4" wrap className="dialog-tags" data-testid="thread-tags">
      {tags.map((tag) => (
        <li key={tag.key}>
          <Tag size="xsmall" variant={tag.variant}>
            {tag.text}
          </Tag>
        </li>
      ))}
    </HStack>
  );
}
