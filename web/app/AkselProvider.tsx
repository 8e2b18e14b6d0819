import { Provider } from '@navikt/ds-react';
import { en, nb, nn } from '@navikt/ds-react/locales';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '#common/i18n/languages.ts';

const LOCALES = { nb, nn, en };

/**
 * Aksel's own texts (a calendar's buttons, a textarea's "characters left", a modal's close button)
 * follow the page's language, and its menus, popovers and modals render inside the page's main
 * landmark (`root`) instead of loose in <body>, where nothing would say what region they are in.
 */
export function AkselProvider({ root, children }: { root: HTMLElement | null; children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = LOCALES[isLanguage(i18n.language) ? i18n.language : 'nb'];
  return (
    <Provider locale={locale} rootElement={root ?? undefined}>
      {children}
    </Provider>
  );
}
