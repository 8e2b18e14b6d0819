import { BodyShort, Box, Button, HStack, Link, Select } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isLanguage, LANGUAGES, type Language } from '#common/i18n/languages.ts';
import type { SessionView } from '#common/schemas/session.ts';
import { api } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';

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
