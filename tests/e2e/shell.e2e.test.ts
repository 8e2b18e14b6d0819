import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '#common/i18n/languages.ts';
import { expectNoAxeViolations, logout, pageLanguage, setLanguage, setupE2e, text, waitForShell } from './support/e2e.ts';

/**
 * The shell around every page: login, header (name, language, logout), skip link, axe. The pages
 * inside it have their own tests; where a logged-in page is needed to check the shell alone, the
 * shell's own "not found" page serves.
 */
const e2e = setupE2e();
const SHELL_PAGE = '/no-such-page';

/** Kari's stored language back to bokmål, so the tests do not depend on each other's order. */
async function resetLanguage(): Promise<void> {
  const kari = await e2e.app.as('kari');
  const reply = await kari.put('/api/me/language', { language: 'nb' });
  expect(reply.status).toBeLessThan(300);
}

describe('logged out', () => {
  test('the front page is the login page, in bokmål for a Norwegian browser', async () => {
    const page = await e2e.open('/');
    await waitForShell(page, { loggedIn: false });
    await page.getByRole('heading', { level: 1, name: text('app:login.title') }).waitFor();
    expect(await pageLanguage(page)).toBe('nb');
    expect(await page.title()).toContain(text('app:login.title'));
    await expectNoAxeViolations(page, 'login page nb');
  });

  test('the login button goes through the identity provider and back to the page asked for', async () => {
    const page = await e2e.open('/');
    // Aksel's link-styled button keeps the button role.
    await page.getByRole('button', { name: text('app:login.button'), exact: true }).click();
    await page.locator('button[name="persona"][value="kari"]').click();
    await waitForShell(page, { loggedIn: true });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('header').getByText('Kari Nordmann', { exact: true }).waitFor();
  });
});

describe('logged in as kari', () => {
  test('her name is in the header, and logging out returns to the login page', async () => {
    const page = await e2e.as('kari');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('header').getByText('Kari Nordmann', { exact: true }).waitFor();

    await logout(page);
    await page.getByRole('heading', { level: 1, name: text('app:login.title') }).waitFor();
    // The session is gone on the server too: a reload stays logged out.
    await page.reload();
    await waitForShell(page, { loggedIn: false });
  });

  test('the language picker changes the texts and <html lang>, and the server keeps the choice', async ({ onTestFinished }) => {
    onTestFinished(resetLanguage);
    const page = await e2e.as('kari');
    for (const language of ['nn', 'en', 'nb'] as const) {
      await setLanguage(page, language);
      expect(await pageLanguage(page)).toBe(language);
      await page.getByRole('button', { name: text('app:logOut', language), exact: true }).waitFor();
      await page.getByRole('link', { name: text('app:footer.about', language), exact: true }).waitFor();
    }
    await setLanguage(page, 'nn');
    // Stored on the server: a new browser (no local storage) logging in gets nynorsk.
    const elsewhere = await e2e.as('kari', { locale: 'en-GB' });
    await elsewhere.locator('html[lang="nn"]').waitFor({ state: 'attached' });
    await elsewhere.getByRole('link', { name: text('app:skipToContent', 'nn'), exact: true }).waitFor({ state: 'attached' });
    // And a reload keeps it.
    await page.reload();
    await waitForShell(page, { loggedIn: true });
    expect(await pageLanguage(page)).toBe('nn');
    await page.getByRole('button', { name: text('app:logOut', 'nn'), exact: true }).waitFor();
  });

  test('the skip link is the first Tab stop and moves focus to the main region', async () => {
    const page = await e2e.as('kari');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('href')).toBe('#main');
    expect(await focused.textContent()).toBe(text('app:skipToContent'));
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('axe in every language', () => {
  for (const language of LANGUAGES) {
    for (const viewport of ['desktop', 'phone'] as const) {
      test(`login page and shell in ${language} at ${viewport} width`, async ({ onTestFinished }) => {
        const page = await e2e.open('/', { viewport });
        await waitForShell(page, { loggedIn: false });
        await setLanguage(page, language);
        await page.getByRole('heading', { level: 1, name: text('app:login.title', language) }).waitFor();
        await expectNoAxeViolations(page, `login page ${language} ${viewport}`);

        onTestFinished(resetLanguage);
        const shell = await e2e.as('kari', { viewport, returnTo: SHELL_PAGE });
        await setLanguage(shell, language);
        await shell.getByRole('heading', { level: 1, name: text('app:notFound.title', language) }).waitFor();
        await expectNoAxeViolations(shell, `shell ${language} ${viewport}`);
        // Nothing sticks out sideways on a phone.
        const overflow = await shell.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBe(0);
      });
    }
  }
});
