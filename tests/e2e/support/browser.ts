import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it when missing); playwright-core drives it, no download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const VIEWPORTS = {
  /** A common phone (the 390 px). */
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface ContextOptions {
  /** A named viewport or an explicit size; desktop by default. */
  viewport?: ViewportName | { width: number; height: number };
  /** The browser's language (navigator.languages), which the app follows before login. Default nb-NO. */
  locale?: string;
  /** Anything else Playwright takes (e.g. reducedMotion, storageState). */
  extra?: BrowserContextOptions;
}

/** A fresh context: its own cookies and storage, so each role is a separate person at a separate browser. */
export async function newContext(browser: Browser, baseURL: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const viewport = typeof options.viewport === 'object' ? options.viewport : VIEWPORTS[options.viewport ?? 'desktop'];
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: options.locale ?? 'nb-NO',
    timezoneId: 'Europe/Oslo',
    ...options.extra,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}
