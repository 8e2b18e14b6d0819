import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '#web/lib/api-client.ts';
import nbDomain from '#common/i18n/locales/nb.json';
import nbApp from './locales/nb/app.json';
import nbBoard from './locales/nb/board.json';
import nbGoal from './locales/nb/goal.json';
import nbPerson from './locales/nb/person.json';
import nbStatus from './locales/nb/status.json';
import { DEFAULT_LANGUAGE, isLanguage, languageFromHeader, type Language } from '#common/i18n/languages.ts';

/**
 * Texts come from catalogues only: web/i18n/locales/<language>/<namespace>.json for the pages and
 * common/i18n/locales/<language>.json (namespace `domain`: statuses, types, history sentences)
 * shared with the server. Each catalogue is its own chunk, fetched the first time a page needs it,
 * so another language or a form's texts never weigh on the board's first load.
 *
 * Keys are always written with their namespace: t('board:filters.title').
 */
type Catalogue = { default: Record<string, unknown> };

/**
 * Bokmål texts of the first screen (shell and board) are part of the first load: most people read
 * bokmål, and a separate request for them would sit between the code and the first card. The
 * other languages and namespaces load when needed.
 */
const FIRST_SCREEN = { app: nbApp, domain: nbDomain, board: nbBoard, goal: nbGoal, status: nbStatus, person: nbPerson };
const pageCatalogues = import.meta.glob<Catalogue>('./locales/*/*.json');
const domainCatalogues = import.meta.glob<Catalogue>('../../common/i18n/locales/*.json');

const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = namespace === 'domain' ? domainCatalogues[`../../common/i18n/locales/${language}.json`] : pageCatalogues[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no catalogue ${language}/${namespace}`), null);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

const STORAGE_KEY = 'aktivitetsplan.language';

/** Before login the page follows what this browser chose last, else the browser's languages. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLanguage(stored)) {
    return stored;
  }
  return languageFromHeader(globalThis.navigator?.languages?.join(',')) ?? DEFAULT_LANGUAGE;
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next
    .use(catalogueBackend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: false,
      supportedLngs: ['nb', 'nn', 'en'],
      // The shell's and the board's texts: bundled for bokmål, loaded at once for the others.
      ns: Object.keys(FIRST_SCREEN),
      resources: { nb: FIRST_SCREEN },
      partialBundledLanguages: true,
      // Bundled texts are ready at once: the first render need not wait a turn for them.
      initAsync: false,
      defaultNS: 'app',
      interpolation: { escapeValue: false },
      returnNull: false,
      // A missing key is a defect: it shows in the console, and the browser tests fail on it.
      saveMissing: true,
      missingKeyHandler: (languages, namespace, key) => {
        console.error(`missing text ${languages.join(',')}:${namespace}:${key}`);
      },
      react: { useSuspense: true },
    });
  syncDocument(i18next.language as Language);
  i18next.on('languageChanged', (language) => syncDocument(language as Language));
  return i18next;
}

function syncDocument(language: Language): void {
  document.documentElement.lang = language;
  setRequestLanguage(language);
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
