import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import { LANGUAGES, type Language } from '#common/i18n/languages.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { addDays, osloDate } from '#common/time.ts';
import { expectNoAxeViolations, setLanguage, setupE2e, text } from './support/e2e.ts';

/**
 * The plan board (web/features/board, goal, status): cards in five columns, moves by menu, by
 * keyboard drag and drop and by pointer, the dialog that asks before a move locks an activity,
 * stale moves, filters, earlier periods, folding, the goal, axe in every state and language.
 * Each test makes its own activities (unique titles), so the tests do not depend on each other.
 */
const e2e = setupE2e();
let serial = 0;
const unique = (title: string) => `${title} ${++serial}`;
const today = () => osloDate(new Date());

async function api(persona: string) {
  return e2e.app.as(persona);
}

async function addActivity(persona: string, owner: string, body: Record<string, unknown>): Promise<Activity> {
  const personId = await e2e.app.personId(owner);
  const reply = await (await api(persona)).post(`/api/persons/${personId}/activities`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Activity;
}

function jobApplication(title: string, extra: Record<string, unknown> = {}) {
  return { type: 'JOB_APPLICATION', title, fromDate: today(), toDate: addDays(today(), 30), status: 'PLANNED', ...extra };
}

async function readActivity(persona: string, id: string): Promise<Activity> {
  const reply = await (await api(persona)).get(`/api/activities/${id}`);
  expect(reply.status).toBe(200);
  return (reply.body as { activity: Activity }).activity;
}

async function moveByApi(persona: string, activity: Activity, status: ActivityStatus, closingReason: string | null = null): Promise<Activity> {
  const current = await readActivity(persona, activity.id);
  const reply = await (await api(persona)).put(`/api/activities/${activity.id}/status`, { version: current.version, status, closingReason });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as Activity;
}

const cardOf = (page: Page, title: string) => page.getByTestId('activity-card').filter({ hasText: title });
const column = (page: Page, status: ActivityStatus) => page.getByTestId(`column-${status}`);

/** The id of the card holding the focus, or null. */
const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-activity-id]')?.getAttribute('data-activity-id') ?? null);

async function openBoard(persona: string, options: { viewport?: 'desktop' | 'phone'; returnTo?: string } = {}): Promise<Page> {
  const page = await e2e.as(persona, options);
  await page.getByTestId('activity-card').first().waitFor();
  return page;
}

/** Waits until drag and drop has loaded (it comes right after the first paint). */
const dndReady = (page: Page) => page.locator('[data-dnd="ready"]').waitFor();

/** Aksel's modal fades in; axe measures colours, so it looks once the fade is done. */
async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await dialog.page().waitForTimeout(250);
}

async function resetLanguage(persona: string): Promise<void> {
  const reply = await (await api(persona)).put('/api/me/language', { language: 'nb' });
  expect(reply.status).toBeLessThan(300);
}

describe('moving a card', () => {
  test('by the status menu with the keyboard: only allowed moves are offered, focus stays on the card', async () => {
    const title = unique('Lagermedarbeider');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    const page = await openBoard('kari');
    const card = cardOf(page, title);
    expect(await card.getAttribute('data-status')).toBe('PLANNED');

    const trigger = card.getByRole('button', { name: text('status:menu.triggerLabel', 'nb', { title }) });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitem').first().waitFor();
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items).toEqual([
      text('domain:status.SUGGESTED'),
      text('domain:status.IN_PROGRESS'),
      `${text('domain:status.COMPLETED')} …`,
      `${text('domain:status.CANCELLED')} …`,
    ]);
    await expectNoAxeViolations(page, 'status menu open');

    // Arrow down to "In progress" and press Enter.
    const target = text('domain:status.IN_PROGRESS');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowDown');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === target) {
        break;
      }
    }
    await page.keyboard.press('Enter');
    await column(page, 'IN_PROGRESS').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    await expect.poll(() => focusedCard(page)).toBe(activity.id);
    expect((await readActivity('kari', activity.id)).status).toBe('IN_PROGRESS');
  });

  test('by keyboard drag and drop: Space lifts, arrows jump a column, Space drops, Escape cancels; each step is announced', async () => {
    const title = unique('Butikkassistent');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    const page = await openBoard('kari');
    await dndReady(page);
    const handle = () => cardOf(page, title).getByRole('button', { name: text('board:card.dragLabel', 'nb', { title }) });

    await handle().focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[id^="DndLiveRegion"]').textContent()).toBe(text('board:dnd.over', 'nb', { title, status: text('domain:status.IN_PROGRESS') }));
    await page.keyboard.press('Space');
    await column(page, 'IN_PROGRESS').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    await expect.poll(() => focusedCard(page)).toBe(activity.id);
    await expect.poll(async () => (await readActivity('kari', activity.id)).status).toBe('IN_PROGRESS');

    // Escape puts it back where it was.
    await handle().focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[id^="DndLiveRegion"]').textContent()).toBe(text('board:dnd.cancelled', 'nb', { title, status: text('domain:status.IN_PROGRESS') }));
    expect(await cardOf(page, title).getAttribute('data-status')).toBe('IN_PROGRESS');
    expect((await readActivity('kari', activity.id)).status).toBe('IN_PROGRESS');
  });

  test('by pointer drag and drop onto another column', async () => {
    const title = unique('Kantinemedarbeider');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    const page = await openBoard('kari');
    await dndReady(page);
    const handle = cardOf(page, title).getByRole('button', { name: text('board:card.dragLabel', 'nb', { title }) });
    const from = (await handle.boundingBox())!;
    const to = (await column(page, 'SUGGESTED').getByRole('heading', { level: 2 }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + 20, to.y + 40, { steps: 15 });
    await page.mouse.up();
    await column(page, 'SUGGESTED').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    await expect.poll(async () => (await readActivity('kari', activity.id)).status).toBe('SUGGESTED');
  });

  test('the citizen cannot move NAV’s meeting, and a finished card offers no moves', async () => {
    const title = unique('Ferdig søknad');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    await moveByApi('kari', activity, 'COMPLETED');
    const page = await openBoard('kari');
    await dndReady(page);
    const meeting = cardOf(page, 'Oppfølgingssamtale');
    await meeting.waitFor();
    expect(await meeting.getByTestId('status-menu-trigger').count()).toBe(0);
    expect(await meeting.locator('[data-focus-part="handle"]').count()).toBe(0);
    expect(await cardOf(page, title).getByTestId('status-menu-trigger').count()).toBe(0);
  });
});

describe('moves that lock the activity ask first', () => {
  test('cancelling an agreed activity needs a reason: the error shows beside the field and in a summary', async () => {
    const title = unique('Nettkurs i Excel');
    const created = await addActivity('kari', 'kari', { type: 'SELF_DIRECTED', title, fromDate: today(), toDate: addDays(today(), 20), status: 'PLANNED' });
    const agreed = await (await api('vera')).put(`/api/activities/${created.id}/agreement`, { version: created.version, advanceNotice: { type: 'NONE', text: null } });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);

    const page = await openBoard('kari');
    const card = cardOf(page, title);
    await card.getByTestId('status-menu-trigger').click();
    await page.getByRole('menuitem', { name: `${text('domain:status.CANCELLED')} …` }).click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await dialog.getByRole('heading', { name: text('status:dialog.heading.CANCELLED', 'nb', { title }) }).waitFor();
    await dialog.getByText(text('status:dialog.locks.CANCELLED', 'nb', { status: text('domain:status.CANCELLED') })).waitFor();
    await expectNoAxeViolations(page, 'status dialog open');

    await dialog.getByRole('button', { name: text('status:dialog.confirm', 'nb', { status: text('domain:status.CANCELLED') }) }).click();
    const field = dialog.getByRole('textbox', { name: text('status:dialog.reasonLabel') });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toContain(text('status:dialog.reasonMissing'));
    await dialog.getByRole('link', { name: text('status:dialog.reasonMissing') }).waitFor();
    expect(await card.getAttribute('data-status')).toBe('PLANNED');
    await expectNoAxeViolations(page, 'status dialog with the missing reason');

    await field.fill('Kurset ble avlyst.');
    await dialog.getByRole('button', { name: text('status:dialog.confirm', 'nb', { status: text('domain:status.CANCELLED') }) }).click();
    await dialog.waitFor({ state: 'detached' });
    await column(page, 'CANCELLED').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    await expect.poll(() => focusedCard(page)).toBe(created.id);
    // Locked: no more moves.
    expect(await cardOf(page, title).getByTestId('status-menu-trigger').count()).toBe(0);
    const stored = await readActivity('kari', created.id);
    expect(stored.status).toBe('CANCELLED');
    expect(stored.closingReason).toBe('Kurset ble avlyst.');
  });

  test('a job application is completed with an optional comment; "Don\'t move" leaves it where it was', async () => {
    const title = unique('Sjåfør');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    const page = await openBoard('kari');
    const card = cardOf(page, title);

    await card.getByTestId('status-menu-trigger').click();
    await page.getByRole('menuitem', { name: `${text('domain:status.COMPLETED')} …` }).click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await dialog.getByRole('button', { name: text('status:dialog.keep') }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await card.getAttribute('data-status')).toBe('PLANNED');
    await expect.poll(() => focusedCard(page)).toBe(activity.id);

    await card.getByTestId('status-menu-trigger').click();
    await page.getByRole('menuitem', { name: `${text('domain:status.COMPLETED')} …` }).click();
    await settled(dialog);
    await dialog.getByText(text('status:dialog.applicationStatusStaysOpen')).waitFor();
    await dialog.getByRole('textbox', { name: text('status:dialog.commentLabel') }).fill('Fikk jobben!');
    await dialog.getByRole('button', { name: text('status:dialog.confirm', 'nb', { status: text('domain:status.COMPLETED') }) }).click();
    await column(page, 'COMPLETED').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    const stored = await readActivity('kari', activity.id);
    expect(stored.status).toBe('COMPLETED');
    expect(stored.closingReason).toBe('Fikk jobben!');
  });

  test('a move of a card someone else changed first is not made; the page says where the card is now', async () => {
    const title = unique('Resepsjonist');
    const activity = await addActivity('kari', 'kari', jobApplication(title));
    const page = await openBoard('kari');
    // Live updates would show NAV's move within a blink; the race this test is about is a change in
    // that blink. The page is reloaded without its event stream, so it still shows what it read.
    await page.route('**/api/persons/*/events**', (route) => route.abort());
    e2e.allowConsoleError(/events|EventSource|ERR_FAILED/);
    await page.reload();
    const card = cardOf(page, title);
    await card.waitFor();
    // Without a stream the page polls the plan (every 15 s): a poll landing between NAV's move and
    // the click would show the move first. Polls wait until the click has been made.
    let release!: () => void;
    const clicked = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/persons/*/plan**', async (route) => {
      await clicked;
      await route.continue();
    });
    // NAV moves it while the page is open.
    await moveByApi('vera', activity, 'IN_PROGRESS');

    await card.getByTestId('status-menu-trigger').click();
    await page.getByRole('menuitem', { name: text('domain:status.SUGGESTED') }).click();
    release();
    const alert = page.getByTestId('move-stale');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(text('status:stale.heading', 'nb', { title }));
    expect(await alert.textContent()).toContain(text('status:stale.now', 'nb', { status: text('domain:status.IN_PROGRESS') }));
    await column(page, 'IN_PROGRESS').getByTestId('activity-card').filter({ hasText: title }).waitFor();
    expect((await readActivity('kari', activity.id)).status).toBe('IN_PROGRESS');
    await expectNoAxeViolations(page, 'stale move');
  });
});

describe('what the board shows', () => {
  test('labels: agreed with NAV, application status, and an advance notice the citizen has not read', async () => {
    const title = unique('Praksisplass');
    const created = await addActivity('kari', 'kari', jobApplication(title, { toDate: addDays(today(), 30) }));
    const labelled = await (await api('kari')).put(`/api/activities/${created.id}/application-status`, { version: created.version, applicationStatus: 'INTERVIEW' });
    expect(labelled.status).toBe(200);
    const agreed = await (await api('vera')).put(`/api/activities/${created.id}/agreement`, { version: (labelled.body as Activity).version, advanceNotice: { type: 'STANDARD', text: null } });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);

    const page = await openBoard('kari');
    const card = cardOf(page, title);
    for (const label of [text('board:card.agreed'), text('domain:applicationStatus.INTERVIEW'), text('board:card.noticeUnread.citizen'), text('board:card.unread.citizen')]) {
      await card.getByText(label, { exact: true }).waitFor();
    }
    const advisor = await openBoard('vera', { returnTo: `/persons/${await e2e.app.personId('kari')}` });
    await cardOf(advisor, title).getByText(text('board:card.noticeUnread.advisor'), { exact: true }).waitFor();
    await advisor.getByRole('heading', { level: 1, name: text('board:title.advisor', 'nb', { name: 'Kari Nordmann' }) }).waitFor();
    // NAV may not complete its meeting before the summary is shared.
    await cardOf(advisor, 'Oppfølgingssamtale').getByTestId('status-menu-trigger').click();
    // The menu's code loads on first use: read its items once they are there.
    await advisor.getByRole('menu').getByRole('menuitem').first().waitFor();
    const items = await advisor.getByRole('menu').getByRole('menuitem').allTextContents();
    expect(items).not.toContain(`${text('domain:status.COMPLETED')} …`);
    expect(items).toContain(`${text('domain:status.CANCELLED')} …`);
    await expectNoAxeViolations(advisor, 'advisor board with the menu open');
  });

  test('filters narrow the board and say what is filtered; "clear" shows everything again', async () => {
    await addActivity('kari', 'kari', jobApplication(unique('Filtertest')));
    const page = await openBoard('kari');
    const all = await page.getByTestId('activity-card').count();
    const filterButton = page.getByRole('button', { name: text('board:filters.toggle'), exact: true });
    await filterButton.click();
    const jobs = text('domain:activityType.JOB_APPLICATION');
    await page.getByRole('button', { name: jobs, exact: true }).click();
    await page.getByRole('button', { name: text('board:filters.agreedNo'), exact: true }).click();
    const summary = page.getByTestId('filter-summary');
    await expect.poll(() => summary.textContent()).toBe(text('board:filters.showing', 'nb', { filters: `${jobs}, ${text('board:filters.agreedNo')}` }));
    await expect.poll(() => page.url()).toContain('type=JOB_APPLICATION');
    await expect.poll(async () => (await page.getByTestId('activity-card').count()) < all).toBe(true);
    for (const type of await page.locator('[data-testid="activity-card"] .board-card__type').allTextContents()) {
      expect(type).toBe(jobs);
    }
    expect(await page.getByTestId('activity-card').filter({ hasText: text('board:card.agreed') }).count()).toBe(0);
    await expectNoAxeViolations(page, 'filters on');

    await page.getByRole('button', { name: text('board:filters.clear'), exact: true }).click();
    await summary.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(text('board:filters.toggle'));
    await expect.poll(() => page.getByTestId('activity-card').count()).toBe(all);
  });

  test('an earlier period is read-only and says so; the picker leads back to the current one', async () => {
    // Ove's advisor ends his period and starts a new one: the demo plan is now in an earlier period.
    const per = await api('per');
    const personId = await e2e.app.personId('ove');
    const periods = (await per.get(`/api/persons/${personId}/periods`)).body as { id: string; current: boolean }[];
    const current = periods.find((p) => p.current)!;
    expect((await per.post(`/api/persons/${personId}/periods/${current.id}/end`)).status).toBe(200);
    expect((await per.post(`/api/persons/${personId}/periods`)).status).toBe(201);

    const page = await e2e.as('ove');
    const picker = page.getByRole('combobox', { name: text('board:period.label') });
    await picker.waitFor();
    await page.getByTestId('add-activity').waitFor();
    await picker.selectOption(current.id);
    await page.getByTestId('earlier-period').waitFor();
    await page.getByTestId('activity-card').first().waitFor();
    expect(page.url()).toContain(`period=${current.id}`);
    expect(await page.getByTestId('add-activity').count()).toBe(0);
    expect(await page.getByTestId('status-menu-trigger').count()).toBe(0);
    expect(await page.getByRole('button', { name: text('goal:edit') }).count()).toBe(0);
    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      await page.getByTestId('earlier-period').getByRole('button', { name: text('board:period.backToCurrent', language) }).waitFor();
      await expectNoAxeViolations(page, `earlier period ${language}`);
    }
    await resetLanguage('ove');
    await setLanguage(page, 'nb');
    await page.getByRole('button', { name: text('board:period.backToCurrent') }).click();
    await page.getByTestId('earlier-period').waitFor({ state: 'detached' });
    await page.getByTestId('add-activity').waitFor();
  });

  test('finished cards older than 30 days fold behind "show older"', async ({ onTestFinished }) => {
    // Stine's finished applications, written 40 days ago on the server's clock.
    onTestFinished(() => e2e.app.clock.set(new Date()));
    e2e.app.clock.advance(-40 * 24 * 3600 * 1000);
    const titles = [];
    for (let i = 0; i < 5; i++) {
      const title = unique('Gammel søknad');
      titles.push(title);
      const activity = await addActivity('stine', 'stine', jobApplication(title, { fromDate: osloDate(e2e.app.clock.now()), toDate: null }));
      await moveByApi('stine', activity, 'COMPLETED');
    }
    e2e.app.clock.set(new Date());

    const page = await openBoard('stine');
    const done = column(page, 'COMPLETED');
    await expect.poll(() => done.getByTestId('activity-card').count()).toBe(3);
    const toggle = done.getByRole('button', { name: text('board:column.showOlder.COMPLETED', 'nb', { count: 2 }) });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => done.getByTestId('activity-card').count()).toBe(5);
    expect(await done.getByRole('button', { name: text('board:column.hideOlder.COMPLETED') }).getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page, 'older cards unfolded');
  });

  test('the goal: edit it, and see every version in its history', async () => {
    const page = await openBoard('kari');
    const goal = page.getByTestId('goal');
    await goal.getByRole('button', { name: text('goal:edit') }).click();
    const field = goal.getByRole('textbox', { name: text('goal:form.label.citizen') });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const newGoal = `Jobb som lagermedarbeider ${++serial}`;
    await field.fill(newGoal);
    await expectNoAxeViolations(page, 'goal form');
    await goal.getByRole('button', { name: text('goal:form.save') }).click();
    await expect.poll(() => goal.getByTestId('goal-text').textContent()).toBe(newGoal);
    await goal.getByRole('button', { name: text('goal:history.show') }).click();
    await goal.getByRole('list', { name: text('goal:history.label') }).getByText(newGoal).waitFor();
    await expectNoAxeViolations(page, 'goal history open');
  });
});

describe('axe and layout in every language', () => {
  for (const language of LANGUAGES as readonly Language[]) {
    for (const viewport of ['desktop', 'phone'] as const) {
      test(`the board in ${language} at ${viewport} width`, async ({ onTestFinished }) => {
        onTestFinished(() => resetLanguage('kari'));
        const page = await openBoard('kari', { viewport });
        await setLanguage(page, language);
        await page.getByRole('heading', { level: 1, name: text('board:title.citizen', language) }).waitFor();
        await page.getByRole('heading', { level: 2, name: new RegExp(`^${text(`domain:status.PLANNED`, language)}`) }).waitFor();
        await dndReady(page);
        await expectNoAxeViolations(page, `board ${language} ${viewport}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBe(0);
        const lefts = await page.locator('[data-testid^="column-"]').evaluateAll((columns) => columns.map((c) => Math.round(c.getBoundingClientRect().left)));
        // Stacked on a phone, side by side on a wide screen.
        expect(new Set(lefts).size).toBe(viewport === 'phone' ? 1 : 5);
      });
    }

    test(`the board's states in ${language}: menu open, dialog with an error, filters on`, async ({ onTestFinished }) => {
      onTestFinished(() => resetLanguage('kari'));
      const title = unique(`Avtalt kurs ${language}`);
      const created = await addActivity('kari', 'kari', { type: 'SELF_DIRECTED', title, fromDate: today(), toDate: addDays(today(), 20), status: 'PLANNED' });
      expect((await (await api('vera')).put(`/api/activities/${created.id}/agreement`, { version: created.version, advanceNotice: { type: 'NONE', text: null } })).status).toBe(200);
      const page = await openBoard('kari');
      await setLanguage(page, language);
      const card = cardOf(page, title);
      await card.getByRole('button', { name: text('status:menu.triggerLabel', language, { title }) }).click();
      await page.getByRole('menu').waitFor();
      await expectNoAxeViolations(page, `menu open ${language}`);
      await page.getByRole('menuitem', { name: `${text('domain:status.CANCELLED', language)} …` }).click();
      const dialog = page.getByRole('dialog');
      await settled(dialog);
      await dialog.getByRole('button', { name: text('status:dialog.confirm', language, { status: text('domain:status.CANCELLED', language) }) }).click();
      await dialog.getByRole('link', { name: text('status:dialog.reasonMissing', language) }).waitFor();
      await expectNoAxeViolations(page, `dialog with an error ${language}`);
      await dialog.getByRole('button', { name: text('status:dialog.keep', language) }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: text('board:filters.toggle', language), exact: true }).click();
      await page.getByRole('button', { name: text('board:filters.agreedYes', language), exact: true }).click();
      await page.getByTestId('filter-summary').waitFor();
      await expectNoAxeViolations(page, `filters on ${language}`);
    });
  }
});
