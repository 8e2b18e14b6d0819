import { OSLO_TIME_ZONE } from '../time.ts';

/** Languages of the service: bokmål (default), nynorsk and English. No catalogue is loaded here. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const DATE_LOCALE: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Intl formatters are costly to make (tens of milliseconds on a slow phone): one per language and kind, made on first use. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === 'date'
        ? new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: OSLO_TIME_ZONE });
    formatters.set(key, made);
  }
  return made;
}

/** A calendar date ('YYYY-MM-DD') written the language's own way, e.g. "3. desember 2026". */
export function formatDate(language: Language, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter(language, 'date').format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as Oslo date and time in the language's own way, e.g. "3. desember 2026 kl. 09:30". */
export function formatDateTime(language: Language, instant: string | Date): string {
  return formatter(language, 'dateTime').format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Picks the first supported language of an Accept-Language header (or navigator.languages). */
export function languageFromHeader(header: string | undefined): Language | null {
  if (!header) {
    return null;
  }
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) {
      return 'nn';
    }
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) {
      return 'nb';
    }
    if (tag.startsWith('en')) {
      return 'en';
    }
  }
  return null;
}
