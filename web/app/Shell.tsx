import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { isLanguage } from '#common/i18n/languages.ts';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { markNavigation, onUnauthenticated, setCsrfToken } from '#web/lib/api-client.ts';
import { keys, useMe, useSession } from '#web/lib/queries.ts';
import { AkselProvider } from './AkselProvider.tsx';
import { Footer, Header } from './Header.tsx';
import { LoginPage } from './LoginPage.tsx';
import { SessionWarning } from './SessionWarning.tsx';

/** Pages anyone may read without logging in. */
const PUBLIC_PATHS = new Set(['/info']);

export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = useMe(Boolean(session.data));
  const location = useLocation();
  const client = useQueryClient();
  const [main, setMain] = useState<HTMLElement | null>(null);

  useEffect(() => setCsrfToken(session.data?.csrfToken ?? null), [session.data?.csrfToken]);
  // Opening a page is the person's activity: its reads renew the idle timeout, polling does not.
  useEffect(() => markNavigation(), [location.pathname, location.search]);
  // A 401 anywhere means the login is gone: the session is read again and the login page shows.
  useEffect(() => onUnauthenticated(() => void client.invalidateQueries({ queryKey: keys.session })), [client]);
  // The language stored on the server wins over this browser's last choice.
  const stored = me.data && 'language' in me.data ? me.data.language : null;
  useEffect(() => {
    if (isLanguage(stored) && stored !== i18n.language) {
      void i18n.changeLanguage(stored);
    }
  }, [stored, i18n]);

  if (session.isPending) {
    return <PageLoader />;
  }
  const loggedIn = Boolean(session.data);
  return (
    <AkselProvider root={main}>
      <a className="skip-link" href="#main">
        {t('app:skipToContent')}
      </a>
      <Header session={session.data ?? null} />
      <main id="main" ref={setMain} tabIndex={-1} className="app-main">
        {/* A page waiting for its code or texts shows a loader here; the header stays. */}
        <Suspense fallback={<PageLoader />}>{loggedIn || PUBLIC_PATHS.has(location.pathname) ? <Outlet /> : <LoginPage />}</Suspense>
      </main>
      <Footer />
      {session.data?.via === 'session' && session.data.idleExpiresAt ? <SessionWarning session={session.data} /> : null}
    </AkselProvider>
  );
}
