import type { BrowserContext, Page } from 'playwright-core';
import { findPersona } from '#server/dev/personas.ts';
import { anyLanguage } from './i18n.ts';

function isPage(target: BrowserContext | Page): target is Page {
  return 'goto' in target;
}

/**
 * Logs in the real way: the app's /auth/login sends the browser to the development identity
 * provider, the persona's button on its page is pressed, and the provider sends the browser back
 * through /auth/callback to `returnTo` with a session cookie. Given a context, opens a new page.
 * Returns the page once it has settled (see waitForShell).
 */
export async function loginAs(target: BrowserContext | Page, personaKey: string, options: { returnTo?: string } = {}): Promise<Page> {
  if (!findPersona(personaKey)) {
    throw new Error(`no persona ${personaKey} (see server/dev/personas.ts)`);
  }
  const page = isPage(target) ? target : await target.newPage();
  const returnTo = options.returnTo ?? '/';
  await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator(`button[name="persona"][value="${personaKey}"]`).click();
  const origin = new URL(page.url()).origin;
  await page.waitForURL((url) => url.origin === origin && !/^\/(oidc|auth)(\/|$)/.test(url.pathname));
  await waitForShell(page, { loggedIn: true });
  return page;
}

/**
 * Waits until the page has settled: the shell has read the session (the logout button shows when
 * logged in, not otherwise) and no loader is visible anywhere (the page's data and texts are in;
 * while a page's catalogues load, the whole shell can give way to a loader for a moment).
 */
export async function waitForShell(page: Page, options: { loggedIn: boolean }, timeoutMs = 15_000): Promise<void> {
  await page.locator('main#main').waitFor({ timeout: timeoutMs });
  const logout = logoutButton(page);
  const loaders = page.locator('.aksel-loader:visible');
  const deadline = Date.now() + timeoutMs;
  for (let settled = 0; settled < 2; ) {
    const ok = (await logout.isVisible()) === options.loggedIn && (await loaders.count()) === 0 && (await page.locator('main#main').isVisible());
    settled = ok ? settled + 1 : 0;
    if (Date.now() > deadline) {
      throw new Error(`the page did not settle ${options.loggedIn ? 'logged in' : 'logged out'} within ${timeoutMs} ms (${page.url()})`);
    }
    await page.waitForTimeout(50);
  }
}

/** The header's "log out" button, in whichever language the page shows. */
export function logoutButton(page: Page) {
  return page.locator('header').getByRole('button', { name: anyLanguage('app:logOut') });
}

/** Presses "log out" in the header and waits for the logged-out front page. */
export async function logout(page: Page): Promise<void> {
  await logoutButton(page).click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForShell(page, { loggedIn: false });
}
