import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { TestApp } from '#test/test-app.ts';
import { startE2eApp, type E2eAppOptions } from './app.ts';
import { loginAs } from './auth.ts';
import { launchBrowser, newContext, type ContextOptions } from './browser.ts';
import { Guard } from './guard.ts';

export { expectNoAxeViolations } from './axe.ts';
export { loginAs, logout, logoutButton, waitForShell } from './auth.ts';
export { VIEWPORTS, type ContextOptions, type ViewportName } from './browser.ts';
export { anyLanguage, pageLanguage, setLanguage, text } from './i18n.ts';
export { addEndedKvpPeriod, LiveClock } from './app.ts';

export interface E2e {
  /** The running app: `url`, API clients (`as('vera')`, `personId('kari')`, `startPeriod`), `clock`, the database. */
  readonly app: TestApp;
  readonly url: string;
  readonly browser: Browser;
  /** A fresh browser context (own cookies: one per role), guarded, closed after the test. */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  /** A new context and page, not logged in, at `path` (the front page by default). */
  open(path?: string, options?: ContextOptions): Promise<Page>;
  /** A new context logged in as the persona through the real login; the page is at `returnTo` (default `/`). */
  as(persona: string, options?: ContextOptions & { returnTo?: string }): Promise<Page>;
  /** Lets console errors matching `pattern` pass for the rest of this test (one you provoke on purpose). */
  allowConsoleError(pattern: RegExp): void;
  /** Fails now if the browser has reported a problem so far (the check also runs after each test). */
  expectNoProblems(): void;
}

/**
 * The browser-test fixture of one test file: starts the app (in this process) and one Chromium
 * before the file's tests, gives each test fresh contexts, and after each test closes them and fails
 * the test if any page logged a console error, threw, or got a 5xx from the app. On failure it
 * saves a screenshot of every open page in test-results/e2e/.
 *
 *   const e2e = setupE2e();
 *   test('…', async () => { const page = await e2e.as('kari'); … });
 */
export function setupE2e(options: E2eAppOptions = {}): E2e {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const guard = new Guard();
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2eApp(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(() => guard.reset());
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await screenshots(contexts, context.task.name);
    }
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
    const report = guard.report();
    if (report) {
      throw new Error(report);
    }
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`${what} is not started: use the e2e fixture inside tests and hooks only`);
    }
    return value;
  };

  const e2e: E2e = {
    get app() {
      return need(app, 'the app');
    },
    get url() {
      return need(app, 'the app').url;
    },
    get browser() {
      return need(browser, 'the browser');
    },
    async newContext(contextOptions = {}) {
      const context = await newContext(e2e.browser, e2e.url, contextOptions);
      guard.watch(context, new URL(e2e.url).origin);
      contexts.push(context);
      return context;
    },
    async open(pagePath = '/', contextOptions = {}) {
      const page = await (await e2e.newContext(contextOptions)).newPage();
      await page.goto(pagePath);
      return page;
    },
    async as(persona, { returnTo, ...contextOptions } = {}) {
      return loginAs(await e2e.newContext(contextOptions), persona, returnTo ? { returnTo } : {});
    },
    allowConsoleError: (pattern) => guard.allow(pattern),
    expectNoProblems() {
      const report = guard.report();
      if (report) {
        throw new Error(report);
      }
    },
  };
  return e2e;
}

async function screenshots(contexts: BrowserContext[], testName: string): Promise<void> {
  const dir = path.resolve('test-results/e2e');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^\w-]+/g, '-').slice(0, 80);
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      n += 1;
      const file = path.join(dir, `${slug}-${n}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`e2e: screenshot of ${page.url()} → ${path.relative(process.cwd(), file)}`);
    }
  }
}
