import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Language } from '#common/i18n/languages.ts';
import { addDays, osloDate } from '#common/time.ts';
import { expectNoAxeViolations, setLanguage, setupE2e, text } from './support/e2e.ts';

/**
 * The activity pages: adding an activity (type, then the type's form with the server's own
 * schema), the detail page with its history, application status, status moves, editing with a
 * stale save from another tab, and the advisor's powers (meetings, "agreed with NAV" with an
 * advance notice) seen from both sides in separate browsers.
 */
const e2e = setupE2e();
// Not this feature's: the shell's fonts (CSP) and its language names; reported to the lead.


/** A calendar date as a person types it: dd.mm.åååå. */
const typed = (date: string) => date.split('-').reverse().join('.');
const inDays = (days: number) => addDays(osloDate(new Date()), days);

async function kariId(): Promise<string> {
  return e2e.app.personId('kari');
}

/** Adds an activity through the API as the persona (quick arranging; the forms have their own tests). */
async function arrange(persona: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const client = await e2e.app.as(persona);
  const reply = await client.post(`/api/persons/${await kariId()}/activities`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** Waits until a dialog's opening animation has finished, so axe sees its real colours. */
async function settled(dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await dialog.waitFor();
  await dialog.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

function flash(page: Page) {
  return page.getByTestId('activity-flash');
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Starts "add activity", chooses the type and waits for its form. */
async function startNew(page: Page, base: string, type: string, language: Language = 'nb'): Promise<void> {
  await page.goto(`${base}/activities/new`);
  await page.getByRole('heading', { level: 1, name: text('activity:new.title', language) }).waitFor();
  await page.getByRole('radio', { name: text(`domain:activityType.${type}`, language) }).check();
  await page.getByRole('button', { name: text('activity:new.next', language) }).click();
  await page.getByRole('button', { name: text('activity:new.submit', language) }).waitFor();
}

const optional = (key: string, language: Language = 'nb') => text('activity:form.optional', language, { label: text(key, language) });

describe('a citizen adds a job application and follows it to the end', () => {
  test('typed date, applied → interview → job offer, then completed with a comment', async () => {
    const page = await e2e.as('kari');
    await startNew(page, '', 'JOB_APPLICATION');

    // Nothing filled in: each error beside its field, all of them in a summary that takes focus.
    await page.getByRole('button', { name: text('activity:new.submit') }).click();
    const summary = page.locator('.aksel-error-summary');
    await summary.getByText(text('activity:errors.required.title')).waitFor();
    await summary.getByText(text('activity:errors.required.fromDate')).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.aksel-error-summary') !== null)).toBe(true);
    const title = page.getByRole('textbox', { name: text('activity:fields.jobTitle'), exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(text('activity:errors.required.title'), { exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'job application form with errors');

    // A date that does not exist, and an end before the start, are said beside the field.
    await title.fill('Butikkmedarbeider');
    const from = page.getByRole('textbox', { name: text('activity:fields.fromDate'), exact: true });
    await from.fill('31.02.2026');
    await page.getByRole('button', { name: text('activity:new.submit') }).click();
    await summary.getByText(text('activity:errors.invalidDate', 'nb', { label: text('activity:fields.fromDate') })).waitFor();
    await from.fill(typed(inDays(2)));
    await page.getByRole('textbox', { name: optional('activity:fields.deadline') }).fill(typed(inDays(1)));
    await page.getByRole('button', { name: text('activity:new.submit') }).click();
    await summary.getByText(text('activity:errors.toDateBeforeFrom')).waitFor();
    await page.getByRole('textbox', { name: optional('activity:fields.deadline') }).fill(typed(inDays(14)));
    await page.getByRole('textbox', { name: optional('activity:fields.employer') }).fill('Nærbutikken AS');
    await page.getByRole('button', { name: text('activity:new.submit') }).click();

    // The new activity's page, announced.
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await flash(page).getByText(text('activity:flash.created', 'nb', { type: text('domain:activityType.JOB_APPLICATION') })).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Butikkmedarbeider' }).waitFor();
    await page.getByText('Nærbutikken AS').waitFor();
    await page.getByText(text('domain:history.CREATED', 'nb', { actor: text('domain:actor.citizenSelf') })).waitFor();
    await expectNoAxeViolations(page, 'new job application');

    const tags = page.getByTestId('activity-tags');
    for (const status of ['APPLIED', 'INTERVIEW', 'JOB_OFFER']) {
      await page.getByRole('radio', { name: text(`domain:applicationStatus.${status}`), exact: true }).check();
      await page.getByRole('button', { name: text('activity:applicationStatus.save') }).click();
      await tags.getByText(text(`domain:applicationStatus.${status}`), { exact: true }).waitFor();
      await page.getByText(text('domain:history.APPLICATION_STATUS_CHANGED', 'nb', { actor: text('domain:actor.citizenSelf'), to: text(`domain:applicationStatus.${status}`) })).waitFor();
    }

    // Completed, with a comment, asked first.
    await page.getByRole('button', { name: text('status:menu.triggerLabel', 'nb', { title: 'Butikkmedarbeider' }) }).click();
    await page.getByRole('menuitem', { name: new RegExp(text('domain:status.COMPLETED')) }).click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await expectNoAxeViolations(page, 'complete dialog');
    await dialog.getByRole('textbox').fill('Jeg fikk jobben og begynner på mandag.');
    await dialog.getByRole('button', { name: text('status:dialog.confirm', 'nb', { status: text('domain:status.COMPLETED') }) }).click();
    await dialog.waitFor({ state: 'detached' });
    await flash(page).getByText(text('activity:flash.moved', 'nb', { status: text('domain:status.COMPLETED') })).waitFor();
    const state = page.getByTestId('activity-state');
    await state.getByText(text('activity:state.final.COMPLETED')).waitFor();
    await state.getByText('Jeg fikk jobben og begynner på mandag.').waitFor();
    // Locked: no edit, no move; the application status may still change.
    expect(await page.getByRole('button', { name: text('activity:detail.edit'), exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: text('activity:applicationStatus.save') }).waitFor();
    await expectNoAxeViolations(page, 'completed job application');
  });
});

describe('an advisor books a meeting', () => {
  test('date and time in Oslo time, and the citizen sees it but leaves changes to NAV', async () => {
    const base = `/persons/${await kariId()}`;
    const page = await e2e.as('vera');
    await startNew(page, base, 'MEETING');
    const day = inDays(8);
    await page.getByRole('textbox', { name: text('activity:fields.title'), exact: true }).fill('Samtale om CV');
    await page.getByRole('textbox', { name: text('activity:fields.meetingDate'), exact: true }).fill(typed(day));
    await page.getByRole('textbox', { name: text('activity:fields.meetingTime'), exact: true }).fill('9.30');
    await page.getByRole('combobox', { name: text('activity:fields.durationMinutes') }).selectOption('45');
    await page.getByRole('radio', { name: text('activity:channel.VIDEO') }).check();
    await page.getByRole('textbox', { name: text('activity:fields.place'), exact: true }).fill('Lenke kommer på SMS');
    await page.getByRole('textbox', { name: text('activity:fields.agenda'), exact: true }).fill('CV-en og søknadene dine');
    await page.getByRole('button', { name: text('activity:new.submit') }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await flash(page).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await (await e2e.app.as('vera')).get(`/api/activities/${id}`);
    // 09:30 in Oslo, whichever offset that day has.
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(stored.body.activity.details.startsAt))).toBe('09:30');
    expect(stored.body.activity.details.durationMinutes).toBe(45);
    await page.getByText(text('agreement:summary.notStarted')).waitFor();
    await expectNoAxeViolations(page, 'meeting, advisor');

    const citizen = await e2e.as('kari', { viewport: 'phone' });
    await citizen.goto(`/activities/${id}`);
    await citizen.getByRole('heading', { level: 1, name: 'Samtale om CV' }).waitFor();
    await citizen.getByText(text('activity:state.navOnly.MEETING')).waitFor();
    expect(await citizen.getByTestId('activity-actions').count()).toBe(0);
    await expectNoSidewaysScroll(citizen);
    await expectNoAxeViolations(citizen, 'meeting, citizen, phone');
  });
});

describe('agreed with NAV, with a standard advance notice', () => {
  test('the citizen reads the notice, confirms it, and can no longer edit the activity', async () => {
    const activity = await arrange('kari', { type: 'SELF_DIRECTED', title: 'Jobbklubb', fromDate: inDays(1), toDate: inDays(40) });
    const citizen = await e2e.as('kari');
    await citizen.goto(`/activities/${activity.id}`);
    await citizen.getByRole('button', { name: text('activity:detail.edit'), exact: true }).waitFor();

    const advisor = await e2e.as('vera');
    await advisor.goto(`/persons/${await kariId()}/activities/${activity.id}`);
    await advisor.getByRole('button', { name: text('agreement:dialog.open') }).click();
    const dialog = advisor.getByRole('dialog');
    await dialog.getByRole('radio', { name: text('agreement:noticeType.STANDARD') }).check();
    await dialog.getByText(text('agreement:dialog.standardTextLabel', 'nb', { language: text('agreement:languageName.nb') })).waitFor();
    await settled(dialog);
    await expectNoAxeViolations(advisor, 'agreement dialog, standard notice');
    await dialog.getByRole('button', { name: text('agreement:dialog.submit'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await flash(advisor).getByText(text('agreement:dialog.done.STANDARD')).waitFor();
    await advisor.getByText(text('agreement:notice.notRead')).waitFor();
    await expectNoAxeViolations(advisor, 'agreed, advisor');

    await citizen.reload();
    const notice = citizen.getByTestId('advance-notice');
    await notice.getByRole('heading', { name: text('agreement:notice.citizenHeading') }).waitFor();
    await notice.getByText(text('domain:advanceNotice.standardText')).waitFor();
    expect(await citizen.getByRole('button', { name: text('activity:detail.edit'), exact: true }).count()).toBe(0);
    await citizen.getByText(text('activity:state.agreed.citizen')).waitFor();
    await expectNoAxeViolations(citizen, 'unread advance notice');

    await notice.getByRole('button', { name: text('agreement:notice.confirm') }).click();
    await flash(citizen).getByText(text('agreement:notice.confirmedFlash')).waitFor();
    await notice.waitFor({ state: 'detached' });
    await citizen.getByText(text('agreement:notice.citizenHeading')).waitFor();
    expect(await citizen.getByRole('button', { name: text('activity:detail.edit'), exact: true }).count()).toBe(0);
    await citizen.getByText(text('activity:state.agreed.citizen')).waitFor();
    await expectNoAxeViolations(citizen, 'advance notice read');

    await advisor.reload();
    await advisor.getByText(/^Brukeren bekreftet å ha lest den/).waitFor();
  });

  test('when no notice can be given, the advisor is told why in plain words', async () => {
    const activity = await arrange('vera', { type: 'SELF_DIRECTED', title: 'Kort kurs', fromDate: inDays(0), toDate: inDays(3) });
    const advisor = await e2e.as('vera', { viewport: 'phone' });
    await advisor.goto(`/persons/${await kariId()}/activities/${activity.id}`);
    await advisor.getByRole('button', { name: text('agreement:dialog.open') }).click();
    const dialog = advisor.getByRole('dialog');
    await dialog.getByText(text('agreement:reasons.END_DATE_TOO_SOON')).waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(0);
    await settled(dialog);
    await expectNoAxeViolations(advisor, 'agreement dialog, none only, phone');
  });
});

describe('two tabs edit the same activity', () => {
  test('the second save shows what is saved now, side by side with what was written, and asks to redo it', async () => {
    const activity = await arrange('kari', { type: 'SELF_DIRECTED', title: 'Lese annonser', fromDate: inDays(1), toDate: inDays(30) });
    const first = await e2e.as('kari');
    const second = await first.context().newPage();
    for (const page of [first, second]) {
      await page.goto(`/activities/${activity.id}`);
      await page.getByRole('button', { name: text('activity:detail.edit'), exact: true }).click();
      await page.getByRole('heading', { name: text('activity:edit.heading') }).waitFor();
    }
    const titleOf = (page: Page) => page.getByRole('textbox', { name: text('activity:fields.title'), exact: true });
    await titleOf(first).fill('Lese annonser hver dag');
    await first.getByRole('button', { name: text('activity:edit.save') }).click();
    await flash(first).getByText(text('activity:flash.saved')).waitFor();

    await titleOf(second).fill('Lese annonser hver uke');
    await second.getByRole('button', { name: text('activity:edit.save') }).click();
    const conflict = second.getByTestId('edit-conflict');
    await conflict.getByRole('heading', { name: text('activity:conflict.heading') }).waitFor();
    const row = conflict.getByRole('row', { name: new RegExp(text('activity:fields.title')) });
    await row.getByText('Lese annonser hver uke').waitFor();
    await row.getByText('Lese annonser hver dag').waitFor();
    await conflict.getByText(text('activity:conflict.redo')).waitFor();
    await expect.poll(() => second.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-conflict');
    // The form now holds what is saved; the change made again on top of it is saved.
    expect(await titleOf(second).inputValue()).toBe('Lese annonser hver dag');
    await expectNoAxeViolations(second, 'edit conflict');
    await titleOf(second).fill('Lese annonser hver dag og uke');
    await second.getByRole('button', { name: text('activity:edit.save') }).click();
    await flash(second).getByText(text('activity:flash.saved')).waitFor();
    await second.getByRole('heading', { level: 1, name: 'Lese annonser hver dag og uke' }).waitFor();
  });
});

describe('in nynorsk and English, at phone width', () => {
  for (const language of ['nn', 'en'] as const) {
    test(`the form with errors and the detail page in ${language}`, async () => {
      const page = await e2e.as('kari', { viewport: 'phone' });
      try {
        await setLanguage(page, language);
        await startNew(page, '', 'MEDICAL_TREATMENT', language);
        await page.getByRole('button', { name: text('activity:new.submit', language) }).click();
        await page.locator('.aksel-error-summary').getByText(text('activity:errors.required.treatmentPlace', language)).waitFor();
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page, `medical treatment form with errors, ${language}`);

        const activity = await arrange('kari', { type: 'MEDICAL_TREATMENT', treatmentType: 'Fysioterapi', treatmentPlace: 'Sandvika', fromDate: inDays(1), toDate: inDays(20) });
        await page.goto(`/activities/${activity.id}`);
        await page.getByRole('heading', { level: 2, name: text('activity:history.heading', language) }).waitFor();
        await page.getByText(text('domain:history.CREATED', language, { actor: text('domain:actor.citizenSelf', language) })).waitFor();
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page, `medical treatment detail, ${language}`);
      } finally {
        await (await e2e.app.as('kari')).put('/api/me/language', { language: 'nb' });
      }
    });
  }
});
