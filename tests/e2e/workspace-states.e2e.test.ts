import type { Locator, Page } from 'playwright-core';
import { expect, onTestFinished, test } from 'vitest';
import { LANGUAGES, type Language } from '#common/i18n/languages.ts';
import { addEndedKvpPeriod, expectNoAxeViolations, setLanguage, setupE2e, text, type ViewportName } from './support/e2e.ts';

/**
 * Every state of issue 5's new screens passes axe in bokmål, nynorsk and English, at desktop and
 * 390 px phone width: the workspace with filters and its empty list, the office setting with an
 * error, the follow-up panel and its modal, the manual-follow-up banners, and the citizen's access
 * log with and without visits. The workspace is usable by keyboard alone.
 */
const e2e = setupE2e();
const VIEWPORTS: ViewportName[] = ['desktop', 'phone'];

async function keepLanguage(persona: string): Promise<void> {
  onTestFinished(async () => {
    await (await e2e.app.as(persona)).put('/api/me/language', { language: 'nb' });
  });
}

/** Aksel's modal fades in; axe measures colours, so it looks once the fade is done. */
async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await dialog.page().waitForTimeout(250);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Runs `check` in each language on the page, then judges it with axe (and on a phone, that nothing sticks out sideways). */
async function inEveryLanguage(page: Page, label: string, viewport: ViewportName, check: (language: Language) => Promise<void>): Promise<void> {
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await check(language);
    await expectNoAxeViolations(page, `${label} (${language}, ${viewport})`);
    if (viewport === 'phone') {
      await expectNoSidewaysScroll(page);
    }
  }
  await setLanguage(page, 'nb');
}

for (const viewport of VIEWPORTS) {
  test(`workspace at ${viewport} width: the office list with a filter on`, async () => {
    await keepLanguage('vera');
    const page = await e2e.as('vera', { viewport, returnTo: '/?scope=office' });
    await page.getByTestId('workspace-person').first().waitFor();
    await page.getByTestId('workspace-filter-UNASSIGNED').click();
    await expect.poll(() => page.getByTestId('workspace-filter-UNASSIGNED').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('filter')).toEqual(['UNASSIGNED']);
    await page.getByTestId('workspace-person').filter({ hasText: 'Kari Nordmann' }).waitFor();
    await page.getByTestId(viewport === 'phone' ? 'workspace-cards' : 'workspace-table').waitFor();
    await inEveryLanguage(page, 'workspace, office list filtered', viewport, async (language) => {
      await page.getByRole('tab', { name: text('workspace:tabs.OFFICE', language), selected: true }).waitFor();
      await page.getByTestId('workspace-filter-UNASSIGNED').getByText(new RegExp(`^${text('workspace:filters.UNASSIGNED', language)} \\(\\d+\\)$`)).waitFor();
    });
  });

  test(`workspace at ${viewport} width: "my people" empty, with a filter on and without`, async () => {
    await keepLanguage('siri');
    const page = await e2e.as('siri', { viewport, returnTo: '/?filter=UNASSIGNED' });
    // Nobody is assigned to siri (the demo data assigns only to vera and per): with a filter on, the
    // list offers to clear it; then it says so.
    await page.getByRole('tab', { name: text('workspace:tabs.MINE'), selected: true }).waitFor();
    await page.getByTestId('workspace-empty').getByText(text('workspace:empty.narrowed')).waitFor();
    await page.getByRole('button', { name: text('workspace:empty.clear') }).click();
    await inEveryLanguage(page, 'workspace, my people empty', viewport, async (language) => {
      await page.getByTestId('workspace-empty').getByText(text('workspace:empty.MINE', language)).waitFor();
    });
  });
}

test('workspace by keyboard: Tab reaches the tabs, the search, the filters and the table links, and Enter opens a person', async () => {
  const page = await e2e.as('vera', { returnTo: '/?scope=office' });
  await page.getByTestId('workspace-person').first().waitFor();
  const search = page.getByRole('searchbox', { name: text('workspace:search.label') });
  await search.focus();
  const reached = new Set<string>();
  for (let i = 0; i < 40 && !reached.has('person'); i++) {
    await page.keyboard.press('Tab');
    const what = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('[data-testid^="workspace-filter-"]') ? 'filter' : el?.getAttribute('data-testid') === 'workspace-person' ? 'person' : (el?.tagName ?? '');
    });
    reached.add(what);
  }
  expect([...reached]).toEqual(expect.arrayContaining(['filter', 'SELECT', 'person']));
  // A filter toggles with the keyboard too.
  const filter = page.getByTestId('workspace-filter-NEW');
  await filter.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => filter.getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Space');
  await expect.poll(() => filter.getAttribute('aria-pressed')).toBe('false');
  const person = page.getByTestId('workspace-person').filter({ hasText: 'Kari Nordmann' });
  await person.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  await page.getByTestId('follow-up-panel').waitFor();
});

for (const viewport of VIEWPORTS) {
  test(`office setting at ${viewport} width: a number out of range is refused beside the field`, async () => {
    await keepLanguage('vera');
    const page = await e2e.as('vera', { viewport, returnTo: '/offices/0219/settings' });
    const form = page.getByTestId('office-settings');
    await form.waitFor();
    await inEveryLanguage(page, 'office setting', viewport, async (language) => {
      await form.getByRole('textbox', { name: text('workspace:settings.days', language) }).waitFor();
    });
    const field = form.getByRole('textbox');
    await field.fill('400');
    await form.getByRole('button').click();
    await inEveryLanguage(page, 'office setting with an error', viewport, async (language) => {
      await form.getByText(text('workspace:settings.errors.range', language, { min: 1, max: 365 })).waitFor();
    });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
  });
}

test('office setting: saved, and the workspace counts "going passive" with it', async () => {
  const page = await e2e.as('vera', { returnTo: '/offices/0219/settings' });
  const form = page.getByTestId('office-settings');
  const field = form.getByRole('textbox', { name: text('workspace:settings.days') });
  await field.fill('abc');
  await form.getByRole('button', { name: text('workspace:settings.save') }).click();
  await form.getByText(text('workspace:settings.errors.whole')).waitFor();
  await field.fill('14');
  await form.getByRole('button', { name: text('workspace:settings.save') }).click();
  await form.getByText(text('workspace:settings.saved', 'nb', { days: 14 })).waitFor();
  const settings = await (await e2e.app.as('vera')).get('/api/offices/0219/settings');
  expect(settings.body).toMatchObject({ passiveAfterDays: 14, updatedBy: 'Vera Veileder' });
  await page.getByRole('link', { name: text('workspace:settings.back') }).click();
  await page.getByText(text('workspace:filters.passiveNote', 'nb', { days: 14 })).waitFor();
  await (await e2e.app.as('vera')).put('/api/offices/0219/settings', { passiveAfterDays: 30 });
});

for (const viewport of VIEWPORTS) {
  test(`follow-up panel at ${viewport} width, with an earlier KVP period open, and the advisor's manual banner`, async () => {
    await keepLanguage('vera');
    const olaId = await e2e.app.personId('ola');
    await addEndedKvpPeriod(e2e.app, olaId);
    const page = await e2e.as('vera', { viewport, returnTo: `/persons/${olaId}` });
    const panel = page.getByTestId('follow-up-panel');
    await panel.getByText(text('followup:mode.manual'), { exact: true }).waitFor();
    await panel.getByTestId('assignment').getByRole('button', { name: text('followup:assignment.toMe') }).waitFor();
    const earlier = panel.getByTestId('kvp-earlier');
    await inEveryLanguage(page, 'advisor: manual banner and follow-up panel', viewport, async (language) => {
      await page.getByRole('heading', { level: 2, name: text('person:banners.advisor.manual.title', language) }).waitFor();
      await panel.getByRole('heading', { level: 2, name: text('followup:panel.heading', language) }).waitFor();
      if (!(await earlier.isVisible())) {
        await panel.getByRole('button', { name: text('followup:kvp.earlier', language, { count: 1 }) }).click();
      }
      await earlier.getByText(text('followup:kvp.endedOfficeChanged', language)).waitFor();
    });
  });

  test(`follow-up modal at ${viewport} width: the reason is required`, async () => {
    await keepLanguage('vera');
    const page = await e2e.as('vera', { viewport, returnTo: `/persons/${await e2e.app.personId('ola')}` });
    const panel = page.getByTestId('follow-up-panel');
    await panel.getByRole('button', { name: text('followup:mode.toDigital.open') }).click();
    const modal = page.getByRole('dialog');
    await settled(modal);
    await expectNoAxeViolations(page, `follow-up modal open (nb, ${viewport})`);
    await modal.getByRole('button', { name: text('followup:mode.toDigital.confirm') }).click();
    await modal.getByText(text('followup:reason.required')).waitFor();
    await inEveryLanguage(page, 'follow-up modal with an error', viewport, async (language) => {
      await modal.getByText(text('followup:reason.required', language)).waitFor();
    });
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
  });
}

for (const viewport of VIEWPORTS) {
  test(`citizen at ${viewport} width: the manual banner with NAV's reason and the switch`, async () => {
    await keepLanguage('ola');
    const page = await e2e.as('ola', { viewport });
    const switchButton = page.getByRole('button', { name: text('person:banners.citizen.manual.switch'), exact: true });
    await switchButton.waitFor();
    await page.getByTestId('manual-reason').waitFor();
    await inEveryLanguage(page, 'citizen: manual banner', viewport, async (language) => {
      await page.getByRole('button', { name: text('person:banners.citizen.manual.switch', language), exact: true }).waitFor();
    });
  });

  test(`citizen at ${viewport} width: the access log with and without visits`, async () => {
    await keepLanguage('ola');
    const page = await e2e.as('ola', { viewport });

    // Ola has been opened by NAV (the demo data and the tests before): the log lists visits.
    await (await e2e.app.as('vera')).get(`/api/persons/${await e2e.app.personId('ola')}/plan`);
    await page.getByTestId('header-access-log-link').click();
    await page.getByTestId('access-visit').first().waitFor();
    await inEveryLanguage(page, 'citizen: access log with visits', viewport, async (language) => {
      await page.getByRole('heading', { level: 1, name: text('accesslog:title', language) }).waitFor();
    });

    // Nobody at NAV has opened this plan yet: the server's answer for it, in place of ola's.
    await page.route('**/api/persons/*/access-log*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ visits: [], more: false }) }));
    await page.reload();
    await page.getByTestId('access-log-empty').waitFor();
    await inEveryLanguage(page, 'citizen: access log without visits', viewport, async (language) => {
      await page.getByTestId('access-log-empty').getByText(text('accesslog:empty', language)).waitFor();
    });
  });
}
