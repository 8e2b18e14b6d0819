import type { Locator, Page } from 'playwright-core';
import { expect, onTestFinished, test } from 'vitest';
import { LANGUAGES, type Language } from '#common/i18n/languages.ts';
import type { Sent, Thread } from '#common/schemas/dialog.ts';
import { expectNoAxeViolations, setLanguage, setupE2e, text } from './support/e2e.ts';

/**
 * Every state of the dialog page, for both roles, passes axe in bokmål, nynorsk and English: the
 * empty list, the list with threads, a thread, the composer and the new-thread form with errors,
 * sending blocked (manual follow-up, reserved), the advisor's status boxes and escalation warning
 * (modal and banner), and a read-only thread of an ended period.
 */
const e2e = setupE2e();
let serial = 0;
const unique = (title: string) => `${title} ${Date.now().toString(36)}${++serial}`;

async function startThread(persona: string, owner: string, body: Record<string, unknown>): Promise<Sent> {
  const reply = await (await e2e.app.as(persona)).post(`/api/persons/${await e2e.app.personId(owner)}/threads`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Sent;
}

async function keepLanguage(persona: string): Promise<void> {
  onTestFinished(async () => {
    await (await e2e.app.as(persona)).put('/api/me/language', { language: 'nb' });
  });
}

const row = (page: Page, subject: string) => page.getByTestId('thread-row').filter({ hasText: subject });
const send = (scope: Page | Locator, language: Language = 'nb') => scope.getByRole('button', { name: text('dialog:composer.send', language), exact: true });

/** Aksel's modal fades in; axe measures colours, so it looks once the fade is done. */
async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await dialog.page().waitForTimeout(250);
}

test('citizen: the empty list, the new-thread form with errors, a thread with a composer error and the list with threads, in nb, nn and en', async () => {
  await keepLanguage('ove');
  const page = await e2e.as('ove', { returnTo: '/dialog' });
  await page.getByTestId('dialog-empty').waitFor();
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await page.getByTestId('dialog-empty').getByText(text('dialog:list.empty.citizen', language)).waitFor();
    await page.getByRole('heading', { level: 1, name: text('dialog:title.citizen', language) }).waitFor();
    await expect.poll(() => page.title()).toBe(`${text('dialog:title.citizen', language)} – ${text('app:appName', language)}`);
    await expectNoAxeViolations(page, `citizen: empty list (${language})`);
  }

  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await page.getByRole('button', { name: text('dialog:list.new', language) }).click();
    const form = page.getByTestId('new-thread');
    await form.waitFor();
    await send(form, language).click();
    const summary = page.locator('.aksel-error-summary');
    await summary.getByText(text('dialog:newThread.errors.subjectRequired', language)).waitFor();
    await summary.getByText(text('dialog:newThread.errors.textRequired', language)).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.aksel-error-summary') !== null)).toBe(true);
    expect(await form.getByRole('textbox', { name: text('dialog:newThread.subject', language) }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, `citizen: new thread with errors (${language})`);
    await form.getByRole('button', { name: text('dialog:newThread.cancel', language) }).click();
    await form.waitFor({ state: 'detached' });
  }

  // NAV writes, waiting for an answer: the list shows it unread and awaiting her.
  const subject = unique('Jobbmesse');
  await startThread('per', 'ove', { subject, text: 'Vil du bli med på jobbmessa på fredag?\n\n- Ta med CV\n- Møt opp kl. 10', awaitingCitizen: true });
  await page.reload();
  const listed = row(page, subject);
  await listed.waitFor();
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await listed.getByText(text('dialog:tags.awaitingYou', language)).waitFor();
    await listed.getByText(text('dialog:list.unread', language, { count: 1 })).waitFor();
    await page.getByTestId('thread-filter-awaiting').getByText(text('dialog:list.filter.awaiting.citizen', language, { count: 1 })).waitFor();
    await expectNoAxeViolations(page, `citizen: list with threads (${language})`);
  }

  await listed.click();
  const thread = page.getByTestId('dialog-thread');
  await thread.getByRole('list').first().waitFor();
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await send(thread, language).click();
    await thread.getByText(text('dialog:composer.empty', language), { exact: true }).first().waitFor();
    await expectNoAxeViolations(page, `citizen: thread with a composer error (${language})`);
  }
  // The filter "awaiting you" counts it; once she answers, it no longer waits for her.
  await setLanguage(page, 'nb');
  await thread.getByRole('textbox', { name: text('dialog:composer.label.citizen') }).fill('Ja, jeg kommer.');
  await send(thread).click();
  await page.getByTestId('thread-filter-awaiting').getByText(text('dialog:list.filter.awaiting.citizen', 'nb', { count: 0 })).waitFor();
});

test('advisor: a thread with the status boxes (a stale change refreshes and says so), a held notification, the new-thread form with errors, in nb, nn and en', async () => {
  await keepLanguage('per');
  const oveId = await e2e.app.personId('ove');
  const subject = unique('Spørsmål om kurs');
  const started = await startThread('ove', 'ove', { subject, text: 'Kan jeg ta et kurs i regnskap?' });
  const page = await e2e.as('per', { returnTo: `/persons/${oveId}/dialog` });
  const listed = row(page, subject);
  await listed.waitFor();
  await listed.getByText(text('dialog:tags.awaitingNav')).waitFor();
  await expectNoAxeViolations(page, 'advisor: list with threads');
  await listed.click();
  const thread = page.getByTestId('dialog-thread');
  await thread.getByText('Ove Utdatert', { exact: true }).waitFor();

  // "Awaiting the citizen" is saved at once.
  const awaitingCitizen = thread.getByRole('checkbox', { name: text('dialog:status.awaitingCitizen') });
  await awaitingCitizen.check();
  await expect.poll(async () => ((await (await e2e.app.as('per')).get(`/api/threads/${started.thread.id}`)).body as Thread).awaitingCitizen).toBe(true);
  await listed.getByText(text('dialog:tags.awaitingCitizen')).waitFor();

  // A change on a stale version: the thread is read again, and the advisor is told.
  let refused = false;
  await page.route('**/api/threads/*/status', async (route) => {
    if (refused) {
      return route.continue();
    }
    refused = true;
    return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'stale version' } }) });
  });
  await thread.getByRole('checkbox', { name: text('dialog:status.awaitingNav') }).uncheck();
  await thread.getByText(text('dialog:status.changedMeanwhile')).waitFor();
  expect(await thread.getByRole('checkbox', { name: text('dialog:status.awaitingNav') }).isChecked()).toBe(true);
  await page.unroute('**/api/threads/*/status');

  // Ove's contact details are outdated: the message is accepted, and the advisor is told the notice waits.
  await thread.getByRole('textbox', { name: text('dialog:composer.label.advisor') }).fill('Ja, det kan du. Jeg sender deg en lenke.');
  await send(thread).click();
  await page.getByTestId('sent-notice').getByText(text('dialog:sent.held.OUTDATED', 'nb', { name: 'Ove Utdatert' })).waitFor();
  expect(await thread.getByRole('checkbox', { name: text('dialog:status.awaitingNav') }).isChecked()).toBe(false);
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await thread.getByRole('checkbox', { name: text('dialog:status.awaitingCitizen', language) }).waitFor();
    await expectNoAxeViolations(page, `advisor: thread after sending (${language})`);
  }

  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await page.getByRole('button', { name: text('dialog:list.new', language) }).click();
    const form = page.getByTestId('new-thread');
    await form.getByRole('checkbox', { name: text('dialog:newThread.awaitingCitizen', language) }).waitFor();
    await form.getByRole('textbox', { name: text('dialog:newThread.subject', language) }).fill('Innkalling');
    await send(form, language).click();
    const summary = page.locator('.aksel-error-summary');
    await summary.getByText(text('dialog:newThread.errors.textRequired', language)).waitFor();
    expect(await summary.getByRole('link').count()).toBe(1);
    await expectNoAxeViolations(page, `advisor: new thread with errors (${language})`);
    await form.getByRole('button', { name: text('dialog:newThread.cancel', language) }).click();
  }
});

test('escalation warning: the advisor sends one (modal with errors), the banner shows it and stops it; the citizen sees it first, marked important', async () => {
  await keepLanguage('per');
  const oveId = await e2e.app.personId('ove');
  const page = await e2e.as('per', { returnTo: `/persons/${oveId}/dialog` });
  await page.getByTestId('thread-list').waitFor();
  await page.getByRole('button', { name: text('dialog:escalation.start.open') }).click();
  const modal = page.getByRole('dialog', { name: text('dialog:escalation.start.heading') });
  await settled(modal);
  await expectNoAxeViolations(page, 'advisor: escalation modal');
  await modal.getByRole('button', { name: text('dialog:escalation.start.confirm') }).click();
  await modal.locator('.aksel-error-summary').getByText(text('dialog:escalation.errors.reasonRequired')).waitFor();
  await expectNoAxeViolations(page, 'advisor: escalation modal with errors');

  const subject = unique('Viktig: oppmøte');
  await modal.getByRole('textbox', { name: text('dialog:escalation.start.reason') }).fill('Har ikke møtt til avtalt aktivitet.');
  await modal.getByRole('textbox', { name: text('dialog:escalation.start.subject') }).fill(subject);
  await modal.getByRole('textbox', { name: text('dialog:escalation.start.text') }).fill('Du har ikke møtt opp. Ta kontakt innen fredag.');
  await modal.getByRole('button', { name: text('dialog:escalation.start.confirm') }).click();
  await modal.waitFor({ state: 'detached' });
  await page.getByTestId('dialog-flash').getByText(text('dialog:escalation.started')).waitFor();
  const banner = page.getByTestId('escalation-banner');
  await banner.waitFor();
  await page.getByRole('heading', { level: 2, name: subject }).waitFor();
  // Only one at a time: no button to start another.
  expect(await page.getByRole('button', { name: text('dialog:escalation.start.open') }).count()).toBe(0);
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await banner.getByText(text('dialog:escalation.banner.title', language)).waitFor();
    await expectNoAxeViolations(page, `advisor: escalation banner (${language})`);
  }
  await setLanguage(page, 'nb');

  // The citizen: the warning's thread first, marked important, its message too.
  const ove = await e2e.as('ove', { returnTo: '/dialog' });
  const first = ove.getByTestId('thread-row').first();
  await first.getByText(subject).waitFor();
  await first.getByText(text('dialog:tags.important'), { exact: true }).waitFor();
  await first.click();
  await ove.getByTestId('dialog-message').first().getByText(text('dialog:message.important')).waitFor();
  await expectNoAxeViolations(ove, 'citizen: escalation thread');

  // The advisor stops it with a closing message.
  await banner.getByRole('button', { name: text('dialog:escalation.banner.stop') }).click();
  const stop = page.getByRole('dialog', { name: text('dialog:escalation.stop.heading') });
  await settled(stop);
  await expectNoAxeViolations(page, 'advisor: stop modal');
  await stop.getByRole('textbox', { name: text('dialog:escalation.stop.reason') }).fill('Har tatt kontakt.');
  await stop.getByRole('textbox', { name: text('dialog:escalation.stop.closingMessage') }).fill('Takk for at du tok kontakt. Varselet er avsluttet.');
  await stop.getByRole('button', { name: text('dialog:escalation.stop.confirm') }).click();
  await stop.waitFor({ state: 'detached' });
  await banner.waitFor({ state: 'detached' });
  await page.getByTestId('dialog-flash').getByText(text('dialog:escalation.stopped')).waitFor();
  await page.getByRole('button', { name: text('dialog:escalation.start.open') }).waitFor();
});

test('sending blocked: ola (manual follow-up) and rita (reserved) are told why, and so is the advisor; in nb, nn and en', async () => {
  for (const persona of ['ola', 'rita'] as const) {
    await keepLanguage(persona);
    const reason = persona === 'ola' ? 'MANUAL_FOLLOW_UP' : 'RESERVED';
    const page = await e2e.as(persona, { returnTo: '/dialog' });
    const blocked = page.getByTestId('send-blocked');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-reason')).toBe(reason);
    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      await blocked.getByText(text(`dialog:blocked.citizen.${reason}.text`, language)).waitFor();
      expect(await page.getByRole('button', { name: text('dialog:list.new', language) }).count()).toBe(0);
      await expectNoAxeViolations(page, `citizen ${persona}: blocked (${language})`);
    }
  }
  await keepLanguage('vera');
  const vera = await e2e.as('vera', { returnTo: `/persons/${await e2e.app.personId('ola')}/dialog` });
  for (const [persona, name, reason] of [
    ['ola', 'Ola Manuell', 'MANUAL_FOLLOW_UP'],
    ['rita', 'Rita Reservert', 'RESERVED'],
  ] as const) {
    await vera.goto(`/persons/${await e2e.app.personId(persona)}/dialog`);
    const blocked = vera.getByTestId('send-blocked');
    await blocked.getByText(text(`dialog:blocked.advisor.${reason}.text`, 'nb', { name })).waitFor();
    expect(await vera.getByRole('button', { name: text('dialog:escalation.start.open') }).count()).toBe(0);
    for (const language of LANGUAGES) {
      await setLanguage(vera, language);
      await blocked.getByText(text(`dialog:blocked.advisor.${reason}.title`, language, { name })).waitFor();
      await expectNoAxeViolations(vera, `advisor on ${persona}: blocked (${language})`);
    }
    await setLanguage(vera, 'nb');
  }
});

test('a thread of an ended period can be read, not answered: it says why and offers a new thread', async () => {
  await keepLanguage('nora');
  const { personId, periodId } = await e2e.app.startPeriod('nora');
  const subject = unique('Før sommeren');
  await startThread('nora', 'nora', { subject, text: 'Hei, jeg er borte i juli.' });
  const vera = await e2e.app.as('vera');
  const ended = await vera.post(`/api/persons/${personId}/periods/${periodId}/end`);
  expect(ended.status, JSON.stringify(ended.body)).toBe(200);
  const restarted = await vera.post(`/api/persons/${personId}/periods`);
  expect(restarted.status, JSON.stringify(restarted.body)).toBe(201);

  const page = await e2e.as('nora', { returnTo: `/dialog?period=${periodId}` });
  await row(page, subject).click();
  const notice = page.getByTestId('thread-read-only');
  await notice.waitFor();
  expect(await page.getByTestId('dialog-composer').count()).toBe(0);
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await notice.getByText(text('dialog:thread.readOnly', language)).waitFor();
    await expectNoAxeViolations(page, `citizen: read-only thread (${language})`);
  }
  await setLanguage(page, 'nb');
  await notice.getByRole('button', { name: text('dialog:list.new') }).click();
  await page.getByTestId('new-thread').waitFor();

  // The advisor reads it too, without status boxes.
  const advisor = await e2e.as('vera', { returnTo: `/persons/${personId}/dialog?period=${periodId}` });
  await row(advisor, subject).click();
  await advisor.getByTestId('thread-read-only').waitFor();
  expect(await advisor.getByTestId('thread-status').count()).toBe(0);
  await expectNoAxeViolations(advisor, 'advisor: read-only thread');
});
