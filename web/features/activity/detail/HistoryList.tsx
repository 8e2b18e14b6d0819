import { BodyShort, Detail, Heading, ReadMore, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { HistoryEntry } from '#common/schemas/activity.ts';
import '@navikt/ds-css/dist/component/readmore.css';

const SHOWN = 10;

function Entries({ entries }: { entries: HistoryEntry[] }) {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'nb';
  return (
    <VStack as="ol" gap="space-12" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {entries.map((entry) => (
        <li key={entry.version}>
          <BodyShort>{entry.sentence}</BodyShort>
          <Detail textColor="subtle">{formatDateTime(lang, entry.at)}</Detail>
        </li>
      ))}
    </VStack>
  );
}

/** The activity's versions as sentences the server wrote for this side, newest first. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const older = history.slice(SHOWN);
  return (
    <VStack as="section" gap="space-12" aria-labelledby="activity-history">
      <Heading level="2" size="medium" id="activity-history">
        {t('activity:history.heading')}
      </Heading>
      <Entries entries={history.slice(0, SHOWN)} />
      {older.length > 0 ? (
        <ReadMore header={t('activity:history.older', { count: older.length })}>
          <Entries entries={older} />
        </ReadMore>
      ) : null}
    </VStack>
  );
}
