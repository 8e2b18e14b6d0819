import { BodyShort, Box, Button, HStack, Link, Select, Tag } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useMatch } from 'react-router';
import { isLanguage, LANGUAGES, type Language } from '#common/i18n/languages.ts';
import type { SessionView } from '#common/schemas/session.ts';
import { api } from '#web/lib/api-client.ts';
import { useUnreadThreads } from '#web/features/dialog/dialog-queries.ts';
import { keys, useMe } from '#web/lib/queries.ts';

/** The language picker: changes the page at once and, when logged in, stores the choice on the server. */
function LanguagePicker({ loggedIn }: { loggedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  async function choose(language: Language) {
    await i18n.changeLanguage(language);
    if (loggedIn) {
      await api.put('/api/me/language', { language });
      await client.invalidateQueries({ queryKey: keys.me });
      // Sentences the server writes (history) come again in the new language.
      await client.invalidateQueries({ queryKey: ['activity'] });
    }
  }
  return (
    <Select
      label={t('app:language.label')}
      size="small"
      value={i18n.language}
      onChange={(event) => isLanguage(event.target.value) && void choose(event.target.value)}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {t(`app:language.${language}`)}
        </option>
      ))}
    </Select>
  );
}

/** The dialog of the person in view (the citizen's own, or the one an advisor opened), with how many threads are unread. */
function DialogLink() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const opened = useMatch('/persons/:personId/*')?.params.personId ?? null;
  const role = me.data?.role;
  const personId = me.data?.role === 'citizen' ? me.data.personId : role === 'advisor' ? opened : null;
  const unread = useUnreadThreads(personId);
  if (!personId) {
    return null;
  }
  const to = role === 'advisor' ? `/persons/${personId}/dialog` : '/dialog';
  const count = unread.data?.unreadThreads ?? 0;
  return (
    <Link as={RouterLink} to={to} aria-current={location.pathname.startsWith(to) ? 'page' : undefined} data-testid="header-dialog-link">
      {t('app:dialog.link')}
      {count > 0 ? (
        <>
          <Tag variant="strong" data-color="accent" size="xsmall" aria-hidden data-testid="header-dialog-unread">
            {count}
          </Tag>
          <span className="aksel-sr-only">{t('app:dialog.unread', { count })}</span>
        </>
      ) : null}
    </Link>
  );
}

/** The citizen's page of who at NAV has looked at their plan; the advisor's way back to the workspace. */
function PageLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const role = me.data?.role;
  if (role !== 'citizen' && role !== 'advisor') {
    return null;
  }
  const [to, key] = role === 'citizen' ? ['/access-log', 'app:accessLog.link'] : ['/', 'app:workspace.link'];
  return (
    <Link as={RouterLink} to={to} aria-current={location.pathname === to ? 'page' : undefined} data-testid={role === 'citizen' ? 'header-access-log-link' : 'header-workspace-link'}>
      {t(key)}
    </Link>
  );
}

async function logOut() {
  const { redirectTo } = await api.post<{ redirectTo: string }>('/auth/logout');
  window.location.assign(redirectTo);
}

export function Header({ session }: { session: SessionView | null }) {
  const { t } = useTranslation();
  return (
    <Box as="header" borderWidth="0 0 1 0" borderColor="neutral-subtle" paddingInline="space-16" paddingBlock="space-8">
      <HStack justify="space-between" align="end" gap="space-16" wrap>
        <Link as={RouterLink} to="/" underline={false}>
          <BodyShort weight="semibold" size="large">
            {t('app:appName')}
          </BodyShort>
        </Link>
        <HStack gap="space-16" align="end" wrap>
          {session ? <PageLinks /> : null}
          {session ? <DialogLink /> : null}
          {session?.displayName ? <BodyShort>{session.displayName}</BodyShort> : null}
          <LanguagePicker loggedIn={Boolean(session)} />
          {session?.via === 'session' ? (
            <Button variant="secondary" size="small" onClick={() => void logOut()}>
              {t('app:logOut')}
            </Button>
          ) : null}
        </HStack>
      </HStack>
    </Box>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <Box as="footer" paddingInline="space-16" paddingBlock="space-24">
      <Link as={RouterLink} to="/info">
        {t('app:footer.about')}
      </Link>
    </Box>
  );
}
