import { Alert, BodyLong, Heading, Link, VStack } from '@navikt/ds-react';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useDocumentTitle } from '#web/lib/document-title.ts';

export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('app:notFound.title'));
  return (
    <VStack gap="space-16" align="start">
      <Heading level="1" size="large">
        {t('app:notFound.title')}
      </Heading>
      <BodyLong>{t('app:notFound.text')}</BodyLong>
      <Link as={RouterLink} to="/">
        {t('app:notFound.home')}
      </Link>
    </VStack>
  );
}

/** A page that failed to render: says so plainly, and where to go. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="app-main">
      <Alert variant="error">
        <Heading level="1" size="small">
          {t('app:error.title')}
        </Heading>
        <BodyLong>{t('app:error.text')}</BodyLong>
        <Link href="/">{t('app:notFound.home')}</Link>
      </Alert>
    </main>
  );
}

/** Catches a page that throws while rendering and shows RouteError instead of a blank page. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('a page failed to render', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}
