import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '#common/i18n/languages.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { expectNoAxeViolations, setupE2e, text, VIEWPORTS } from './support/e2e.ts';

/**
 * The person pages: the banners that say why a citizen's plan is read-only and what they can do,
 * the advisor's search (by POST: a national id never reaches a URL), the advisor's view of whom
 * they are looking at, starting a follow-up period, and the public information page.
 */
const e2e = setupE2e();
const nationalId = (key: string) => CITIZENS.find((c) => c.key === key)!.nationalId;

/** Every URL the page asks for (navigations, API calls, assets), to prove what never appears in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [page.url()];
  page.on('request', (request) => urls.push(request.url()));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  return urls;
}

/** Nothing sticks out sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The last sentence of a text: what to do, and free of the placeholders earlier sentences may hold. */
function lastSentence(value: string): string {
  return value.split(/(?<=\.) /).pop()!;
}

function banner(page: Page, titleKey: string) {
  return page.getByRole('heading', { level: 2, name: text(titleKey), exact: true });
}

async function search(page: Page, query: string): Promise<void> {
  const field = page.getByRole('searchbox', { name: text('person:find.label') });
  await field.fill(query);
  await field.press('Enter');
}

describe('a citizen whose plan cannot be changed is told why, and what to do', () => {
  for (const [persona, key] of [
    ['ola', 'manual'],
    ['rita', 'reserved'],
    ['nora', 'periodEnded'],
  ] as const) {
    test(`${persona}: ${key}`, async () => {
      const page = await e2e.as(persona, { viewport: 'phone' });
      await banner(page, `person:banners.citizen.${key}.title`).waitFor();
      await page.getByText(lastSentence(text(`person:banners.citizen.${key}.text`))).waitFor();
      // The next step is offered: NAV's contact page, or the contact register to lift a reservation.
      await page.getByRole('link', { name: text(`person:banners.citizen.${key}.link`), exact: true }).waitFor();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page, `${persona} read-only (${key})`);
    });
  }

  test('ove is asked to update his outdated contact details at the contact register', async () => {
    const page = await e2e.as('ove');
    await banner(page, 'person:banners.citizen.outdated.title').waitFor();
    const link = page.getByRole('link', { name: text('person:banners.citizen.outdated.link'), exact: true });
    expect(new URL((await link.getAttribute('href'))!).hostname).toBe('www.norge.no');
    await expectNoAxeViolations(page, 'ove outdated contact details');
  });

  test('kari, digital with a current period, gets no banner', async () => {
    const page = await e2e.as('kari');
    // Wait until the person and the plan have been read, so that "no banner" is an answer, not a race.
    const read = (pattern: RegExp) => page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.ok());
    const [person, plan] = [read(/^\/api\/persons\/[^/]+$/), read(/^\/api\/persons\/[^/]+\/plan$/)];
    await page.reload();
    await Promise.all([person, plan]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: text('person:banners.citizenRegion') }).count()).toBe(0);
  });
});

/** The person search is at /find (the advisor's front page is the workspace): it also finds people without a current period. */
describe('the advisor finds a person', () => {
  test('vera finds kari by name and by national id, and the national id never appears in a URL', async () => {
    const page = await e2e.as('vera', { returnTo: '/find' });
    const urls = recordUrls(page);
    await page.getByRole('heading', { level: 1, name: text('person:find.title') }).waitFor();
    await expectNoAxeViolations(page, 'find person, empty');

    await search(page, 'kari nord');
    const result = page.getByRole('link', { name: 'Kari Nordmann', exact: true });
    await result.waitFor();
    await page.getByText(text('person:find.results.count', 'nb', { count: 1 })).waitFor();
    await expectNoAxeViolations(page, 'find person, one result');

    await search(page, nationalId('kari'));
    await page.getByText(text('person:find.results.nationalId', 'nb', { nationalId: `${nationalId('kari').slice(0, 6)} ${nationalId('kari').slice(6)}` })).waitFor();
    await result.click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    // The advisor sees whom they are looking at: name, national id and office above the plan.
    const about = page.getByRole('region', { name: text('person:banners.advisorRegion') });
    await about.getByText(text('person:identity.office', 'nb', { office: 'NAV Bærum' })).waitFor();
    await about.getByText(new RegExp(nationalId('kari').slice(6))).waitFor();
    await expectNoAxeViolations(page, 'kari opened by vera');

    expect(urls.filter((url) => url.includes(nationalId('kari')))).toEqual([]);
    expect(await page.evaluate(() => JSON.stringify(history.state) + location.href)).not.toContain(nationalId('kari'));
  });

  test('a query too short is refused beside the field, by keyboard alone', async () => {
    const page = await e2e.as('vera', { viewport: 'phone', returnTo: '/find' });
    const field = page.getByRole('searchbox', { name: text('person:find.label') });
    await field.focus();
    await page.keyboard.type('k');
    await page.keyboard.press('Enter');
    await page.getByText(text('person:find.errors.tooShort', 'nb', { min: 2 })).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, 'find person, too short');

    await page.keyboard.type('ari');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Kari Nordmann', exact: true }).waitFor();
    // Tab from the field reaches the result, and Enter opens it.
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.textContent === 'Kari Nordmann')); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/persons\//);
  });

  test('per, at another office, does not find kari by name or national id', async () => {
    const page = await e2e.as('per', { returnTo: '/find' });
    for (const query of ['Kari Nordmann', nationalId('kari')]) {
      await search(page, query);
      await page.getByText(text('person:find.results.none', 'nb', { query })).waitFor();
    }
    expect(await page.getByRole('link', { name: 'Kari Nordmann' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'find person, nobody found');
  });

  test('vera, without the right, does not find stine with her protected address; siri does and is warned', async () => {
    await e2e.app.personId('stine');
    const vera = await e2e.as('vera', { returnTo: '/find' });
    for (const query of ['Stine Skjermet', nationalId('stine')]) {
      await search(vera, query);
      await vera.getByText(text('person:find.results.none', 'nb', { query })).waitFor();
    }

    const siri = await e2e.as('siri', { returnTo: '/find' });
    await search(siri, 'skjermet');
    await siri.getByRole('link', { name: 'Stine Skjermet', exact: true }).click();
    await banner(siri, 'person:banners.advisor.protected.title').waitFor();
    await expectNoAxeViolations(siri, 'stine opened by siri');
  });

  test('the advisor is told when a person is followed up manually, is reserved, or has outdated contact details', async () => {
    const cases = [
      ['vera', 'ola', 'manual'],
      ['vera', 'rita', 'reserved'],
      ['per', 'ove', 'outdated'],
    ] as const;
    for (const [advisor, citizen, key] of cases) {
      const personId = await e2e.app.personId(citizen);
      const page = await e2e.as(advisor, { returnTo: `/persons/${personId}` });
      await banner(page, `person:banners.advisor.${key}.title`).waitFor();
      await expectNoAxeViolations(page, `${citizen} opened by ${advisor}`);
    }
  });
});

describe('starting a follow-up period', () => {
  test('vera starts a period for nora after confirming, and nora can then change her plan', async () => {
    const personId = await e2e.app.personId('nora');
    const page = await e2e.as('vera', { returnTo: `/persons/${personId}`, viewport: 'phone' });
    await banner(page, 'person:banners.advisor.periodEnded.title').waitFor();
    const start = page.getByRole('button', { name: text('person:startPeriod.button'), exact: true });

    // Cancel first: nothing happens, focus returns to the button.
    await start.click();
    const dialog = page.getByRole('dialog', { name: text('person:startPeriod.confirmTitle', 'nb', { name: 'Nora Nyperiode' }) });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(text('person:startPeriod.cancel'));
    await expectNoAxeViolations(page, 'start period dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(text('person:startPeriod.button'));
    expect((await e2e.app.testDb.database.db.selectFrom('follow_up_period').select('id').where('personId', '=', personId).where('endedAt', 'is', null).execute()).length).toBe(0);

    await start.click();
    await dialog.getByRole('button', { name: text('person:startPeriod.confirm'), exact: true }).click();
    const started = page.getByText(new RegExp(`^${text('person:startPeriod.started', 'nb', { date: 'DATE' }).split('DATE')[0]}`));
    await started.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-variant'))).toBe('success');
    expect(await banner(page, 'person:banners.advisor.periodEnded.title').count()).toBe(0);
    await expectNoAxeViolations(page, 'period started');

    const nora = await e2e.as('nora');
    await nora.getByRole('heading', { level: 1 }).waitFor();
    expect((await e2e.app.as('nora').then((c) => c.get(`/api/persons/${personId}/plan`))).body).toMatchObject({ writable: true, readOnlyReason: null });
    expect(await banner(nora, 'person:banners.citizen.periodEnded.title').count()).toBe(0);
  });
});

describe('the information page', () => {
  const locales = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;
  for (const language of LANGUAGES) {
    test(`is open to anyone and written in ${language}`, async () => {
      for (const viewport of ['desktop', 'phone'] as const) {
        const page = await e2e.open('/info', { locale: locales[language], viewport });
        await page.getByRole('heading', { level: 1, name: text('info:title', language), exact: true }).waitFor();
        for (const section of ['purpose', 'agreed', 'advanceNotice', 'whoSees', 'noDeletion', 'paper', 'contact']) {
          await page.getByRole('heading', { level: 2, name: text(`info:${section}.title`, language), exact: true }).waitFor();
        }
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        if (viewport === 'phone') {
          expect(page.viewportSize()?.width).toBe(VIEWPORTS.phone.width);
          await expectNoSidewaysScroll(page);
        }
        await expectNoAxeViolations(page, `information page ${language} ${viewport}`);
      }
    });
  }
});
