import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LANGUAGES, type Language } from '#common/i18n/languages.ts';

/**
 * The catalogues as the tests read them, so journeys find buttons and headings by the same text a
 * person reads, in any language: `text('app:logOut', 'nn')`. Placeholders are filled from `vars`;
 * with `count`, the plural form i18next would pick (`key_one`, `key_other`).
 */
const cache = new Map<string, Record<string, unknown>>();

function catalogue(language: Language, namespace: string): Record<string, unknown> {
  const file =
    namespace === 'domain' ? path.resolve('common/i18n/locales', `${language}.json`) : path.resolve('web/i18n/locales', language, `${namespace}.json`);
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    cache.set(file, loaded);
  }
  return loaded;
}

function lookup(root: Record<string, unknown>, key: string): unknown {
  let node: unknown = root;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

export function text(key: string, language: Language = 'nb', vars: Record<string, string | number> = {}): string {
  const [namespace, name] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['app', key];
  const root = catalogue(language, namespace);
  let value = lookup(root, name);
  if (value === undefined && typeof vars.count === 'number') {
    value = lookup(root, `${name}_${new Intl.PluralRules(language === 'en' ? 'en' : 'nb').select(vars.count)}`) ?? lookup(root, `${name}_other`);
  }
  if (typeof value !== 'string') {
    throw new Error(`no text ${language}:${namespace}:${name}`);
  }
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, v: string) => String(vars[v] ?? ''));
}

/** Matches the key's text in any of the three languages, exactly (for finding an element whatever the page's language). */
export function anyLanguage(key: string, vars: Record<string, string | number> = {}): RegExp {
  const texts = [...new Set(LANGUAGES.map((l) => text(key, l, vars)))];
  return new RegExp(`^(${texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}

/** The page's current language, from `<html lang>` (the app keeps it in step). */
export async function pageLanguage(page: Page): Promise<Language> {
  const lang = await page.locator('html').getAttribute('lang');
  if (!LANGUAGES.includes(lang as Language)) {
    throw new Error(`the page has no known language: lang=${lang}`);
  }
  return lang as Language;
}

/**
 * Chooses a language in the header's language picker (found by its label in any language) and
 * waits until `<html lang>` follows and, when logged in, the server has stored the choice.
 */
export async function setLanguage(page: Page, language: Language): Promise<void> {
  const picker = page.getByRole('combobox', { name: anyLanguage('app:language.label') });
  const loggedIn = (await page.context().cookies()).some((cookie) => cookie.name === 'sid');
  const current = await pageLanguage(page);
  const stored =
    loggedIn && current !== language
      ? page
          .waitForResponse((r) => new URL(r.url()).pathname === '/api/me/language' && r.request().method() === 'PUT')
          // Settled here so that a step failing first leaves no unhandled rejection behind.
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
      : null;
  await picker.selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
  if (stored) {
    const response = await stored;
    if (response instanceof Error) {
      throw response;
    }
    if (!response.ok()) {
      throw new Error(`storing the language failed: ${response.status()}`);
    }
  }
  // The texts change once the language's catalogues have loaded and React has drawn them again.
  await page.getByRole('link', { name: text('app:skipToContent', language), exact: true }).waitFor({ state: 'attached' });
}
