import { BodyLong, Heading, Link, List, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import '@navikt/ds-css/dist/component/list.css';

const NAV_CONTACT_URL = 'https://www.nav.no/kontaktoss';
const NAV_PRIVACY_URL = 'https://www.nav.no/personvernerklaering';

/**
 * One section of the page: a heading, paragraphs and an optional list, all from the `info`
 * catalogue (info:<key>.title, info:<key>.p1…, info:<key>.items.1…). The counts live here so
 * that a missing text is a missing key, which the catalogue test and the browser catch.
 */
interface Section {
  key: string;
  paragraphs: number;
  items?: number;
  /** A paragraph after the list. */
  after?: boolean;
  link?: { href: string; textKey: string };
}

const SECTIONS: Section[] = [
  { key: 'purpose', paragraphs: 2 },
  { key: 'use', paragraphs: 1, items: 4 },
  { key: 'agreed', paragraphs: 2 },
  { key: 'advanceNotice', paragraphs: 3 },
  { key: 'whoSees', paragraphs: 1, items: 3, after: true },
  { key: 'stored', paragraphs: 1, items: 4, after: true, link: { href: NAV_PRIVACY_URL, textKey: 'stored.link' } },
  { key: 'noDeletion', paragraphs: 2 },
  { key: 'paper', paragraphs: 2 },
  { key: 'language', paragraphs: 1 },
  { key: 'contact', paragraphs: 2, link: { href: NAV_CONTACT_URL, textKey: 'contact.link' } },
];

/** What the plan is, who sees it, what "agreed with NAV" and an advance notice mean, and privacy: open to anyone. */
export default function InfoPage() {
  const { t } = useTranslation(['info']);
  useDocumentTitle(t('info:title'));
  return (
    <VStack gap="space-32" style={{ maxWidth: '42rem' }}>
      <VStack gap="space-12">
        <Heading level="1" size="xlarge">
          {t('info:title')}
        </Heading>
        <BodyLong size="large">{t('info:intro')}</BodyLong>
      </VStack>
      {SECTIONS.map((section) => (
        <VStack as="section" key={section.key} gap="space-12" aria-labelledby={`info-${section.key}`}>
          <Heading id={`info-${section.key}`} level="2" size="medium">
            {t(`info:${section.key}.title`)}
          </Heading>
          {range(section.paragraphs).map((n) => (
            <BodyLong key={n}>{t(`info:${section.key}.p${n}`)}</BodyLong>
          ))}
          {section.items ? (
            <List>
              {range(section.items).map((n) => (
                <List.Item key={n}>{t(`info:${section.key}.items.${n}`)}</List.Item>
              ))}
            </List>
          ) : null}
          {section.after ? <BodyLong>{t(`info:${section.key}.after`)}</BodyLong> : null}
          {section.link ? (
            <Link href={section.link.href} style={{ alignSelf: 'start' }}>
              {t(`info:${section.link.textKey}`)}
            </Link>
          ) : null}
        </VStack>
      ))}
    </VStack>
  );
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
