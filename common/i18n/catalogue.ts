import en from './locales/en.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import nn from './locales/nn.json' with { type: 'json' };

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, typeof nb> = { nb, nn, en };

/**
 * Texts that carry legal weight: they wait for review by NAV's lawyers before production, and a
 * change to them is a legal change, not a copy edit.
 */
export const LEGAL_REVIEW_KEYS = ['advanceNotice.standardText', 'advanceNotice.aapTemplate'] as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Looks up a dotted key and fills {{name}} placeholders; a missing key is a programming error. */
export function translate(language: Language, key: string, vars: Record<string, string> = {}): string {
  let node: unknown = CATALOGUES[language];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') {
    throw new Error(`missing catalogue key ${language}:${key}`);
  }
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

const DATE_LOCALE: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** A calendar date ('YYYY-MM-DD') written the language's own way, e.g. "3. desember 2026". */
export function formatDate(language: Language, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Picks the first supported language of an Accept-Language header. */
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
