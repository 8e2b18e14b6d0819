import { Provider } from '@navikt/ds-react';
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type AkselLocale = NonNullable<ComponentProps<typeof Provider>['locale']>;

/**
 * Aksel's own texts (a calendar's buttons, a textarea's "characters left", a modal's close button)
 * follow the page's language, and its menus, popovers and modals render inside the page's main
 * landmark (`root`) instead of loose in <body>, where nothing would say what region they are in.
 * Bokmål is Aksel's default; the nynorsk and English texts (with their calendars) load when chosen.
 */
export function AkselProvider({ root, children }: { root: HTMLElement | null; children: ReactNode }) {
  const { i18n } = useTranslation();
  const [locale, setLocale] = useState<{ language: string; texts: AkselLocale } | null>(null);
  const language = i18n.language;
  useEffect(() => {
    if (language !== 'nn' && language !== 'en') {
      return;
    }
    let current = true;
    void import('@navikt/ds-react/locales').then((locales) => {
      if (current) {
        setLocale({ language, texts: locales[language] });
      }
    });
    return () => {
      current = false;
    };
  }, [language]);
  const texts = locale && locale.language === language ? locale.texts : undefined;
  return (
    <Provider locale={texts} rootElement={root ?? undefined}>
      {children}
    </Provider>
  );
}
