import en from './locales/en.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import nn from './locales/nn.json' with { type: 'json' };
import type { Language } from './languages.ts';

export { DEFAULT_LANGUAGE, formatDate, formatDateTime, isLanguage, LANGUAGES, languageFromHeader, type Language } from './languages.ts';

export const CATALOGUES: Record<Language, typeof nb> = { nb, nn, en };

/**
 * Texts that carry legal weight: they wait for review by NAV's lawyers before production, and a
 * change to them is a legal change, not a copy edit.
 */
export const LEGAL_REVIEW_KEYS = ['advanceNotice.standardText', 'advanceNotice.aapTemplate'] as const;

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
