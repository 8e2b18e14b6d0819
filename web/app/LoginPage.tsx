import { BodyLong, Button, Heading, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '#web/lib/document-title.ts';

/** Shown instead of any page that needs a login; the login returns the person to where they were. */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  useDocumentTitle(t('app:login.title'));
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <VStack gap="space-16" align="start" style={{ maxWidth: '40rem' }}>
      <Heading level="1" size="large">
        {t('app:login.title')}
      </Heading>
      <BodyLong>{t('app:login.intro')}</BodyLong>
      <Button as="a" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
        {t('app:login.button')}
      </Button>
    </VStack>
  );
}
