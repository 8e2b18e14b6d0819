import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CITIZENS } from '#server/dev/personas.ts';
import { osloTime } from '#web/features/access-log/access-log-format.ts';
import { addEndedKvpPeriod, expectNoAxeViolations, setupE2e, text } from './support/e2e.ts';

/**
 * Issue 5's journeys: an advisor switches a person to manual follow-up and the citizen's next page
 * is read-only with the reason (and the citizen switches back); a citizen sees on "who has looked
 * at my plan" the advisor's visit of a minute ago; an advisor without the right cannot find a
 * person with a protected address in the workspace, by name or national id, nor in the office list.
 */
const e2e = setupE2e();
const nationalId = (key: string) => CITIZENS.find((c) => c.key === key)!.nationalId;

/** Aksel's modal fades in; it is used (and judged) once the fade is done. */
async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

function banner(page: Page, titleKey: string) {
  return page.getByRole('heading', { level: 2, name: text(titleKey), exact: true });
}

async function planOf(persona: string) {
  const reply = await (await e2e.app.as(persona)).get(`/api/persons/${await e2e.app.personId(persona)}/plan`);
  expect(reply.status).toBe(200);
  return reply.body as { writable: boolean; readOnlyReason: string | null };
}

describe('manual follow-up', () => {
  test('vera switches kari to manual with a reason; kari then reads her plan without changing it, sees why, and switches back to digital herself', async () => {
    const kariId = await e2e.app.personId('kari');
    const vera = await e2e.as('vera', { returnTo: `/persons/${kariId}` });
    const panel = vera.getByTestId('follow-up-panel');
    await panel.getByText(text('followup:mode.digital'), { exact: true }).waitFor();
    await panel.getByRole('button', { name: text('followup:mode.toManual.open') }).click();
    const modal = vera.getByRole('dialog', { name: text('followup:mode.toManual.heading', 'nb', { name: 'Kari Nordmann' }) });
    await settled(modal);

    // The reason is required: refused beside the field, which takes focus.
    await modal.getByRole('button', { name: text('followup:mode.toManual.confirm') }).click();
    await modal.getByText(text('followup:reason.required')).waitFor();
    const reasonField = modal.getByRole('textbox', { name: text('followup:mode.reasonLabel') });
    expect(await reasonField.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => reasonField.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(vera, 'follow-up modal with an error');

    const reason = 'Kari ønsker planen på papir i en periode mens hun er på kurs.';
    await reasonField.fill(reason);
    await modal.getByRole('button', { name: text('followup:mode.toManual.confirm') }).click();
    await modal.waitFor({ state: 'detached' });
    await panel.getByText(text('followup:mode.done.manual')).waitFor();
    await panel.getByText(text('followup:mode.manual'), { exact: true }).waitFor();
    // The advisor is told clearly, and keeps writing the plan.
    await banner(vera, 'person:banners.advisor.manual.title').waitFor();
    await vera.getByTestId('add-activity').waitFor();
    await expectNoAxeViolations(vera, 'advisor: manual banner and panel');

    // Kari's next page: read-only, with the explanation and NAV's reason.
    const kari = await e2e.as('kari');
    await banner(kari, 'person:banners.citizen.manual.title').waitFor();
    await kari.getByText(text('person:banners.citizen.manual.reason', 'nb', { reason }), { exact: true }).waitFor();
    await kari.getByRole('heading', { level: 1 }).waitFor();
    expect(await kari.getByTestId('add-activity').count()).toBe(0);
    expect(await planOf('kari')).toMatchObject({ writable: false, readOnlyReason: 'MANUAL_FOLLOW_UP' });
    await expectNoAxeViolations(kari, 'citizen: manual banner with the reason');

    // She switches back herself: the plan can be changed again.
    await kari.getByRole('button', { name: text('person:banners.citizen.manual.switch'), exact: true }).click();
    await kari.getByTestId('switched-to-digital').waitFor();
    await expect.poll(() => kari.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('switched-to-digital');
    await kari.getByTestId('add-activity').waitFor();
    expect(await banner(kari, 'person:banners.citizen.manual.title').count()).toBe(0);
    expect(await planOf('kari')).toMatchObject({ writable: true, readOnlyReason: null });
    await expectNoAxeViolations(kari, 'citizen: switched to digital');

    // The advisor's panel tells who switched last.
    await vera.reload();
    await panel.getByText(text('followup:mode.digital'), { exact: true }).waitFor();
    await panel.getByText(new RegExp(text('followup:mode.changedBy.CITIZEN', 'nb', { time: 'TIME' }).split('TIME')[1]!.replace('.', '\\.'))).waitFor();
  });

  test('a reserved citizen is told of the reservation and is offered no switch', async () => {
    const rita = await e2e.as('rita');
    await banner(rita, 'person:banners.citizen.reserved.title').waitFor();
    expect(await rita.getByRole('button', { name: text('person:banners.citizen.manual.switch') }).count()).toBe(0);
  });
});

describe('who has looked at my plan', () => {
  test("kari sees vera's visit of a minute ago: name, office, time and that the activity plan was opened", async () => {
    const kariId = await e2e.app.personId('kari');
    const vera = await e2e.as('vera', { returnTo: `/persons/${kariId}` });
    await vera.getByRole('heading', { level: 1, name: text('board:title.advisor', 'nb', { name: 'Kari Nordmann' }) }).waitFor();
    const seen = new Date();

    const kari = await e2e.as('kari');
    await kari.getByTestId('header-access-log-link').click();
    await kari.getByRole('heading', { level: 1, name: text('accesslog:title') }).waitFor();
    const visit = kari.getByTestId('access-visit').filter({ hasText: text('accesslog:who', 'nb', { name: 'Vera Veileder', office: 'NAV Bærum' }) }).first();
    await visit.waitFor();
    // "Opened: …" names the activity plan among what vera opened.
    const opened = visit.getByText(new RegExp(`^${text('accesslog:opened', 'nb', { subjects: '' })}`));
    expect((await opened.textContent())?.split(/, |: /)).toContain(text('accesslog:subjects.PLAN'));
    // The last minute of the visit is the minute vera opened the plan (or the next, at a minute's edge).
    const minutes = [osloTime('nb', seen.toISOString()), osloTime('nb', new Date(seen.getTime() + 60_000).toISOString())];
    const when = (await visit.textContent()) ?? '';
    expect(minutes.some((minute) => when.includes(minute))).toBe(true);
    await expectNoAxeViolations(kari, 'access log with visits');
  });
});

describe('protected persons in the workspace', () => {
  async function officeSearch(page: Page, query: string): Promise<void> {
    const field = page.getByRole('searchbox', { name: text('workspace:search.label') });
    await field.fill(query);
    await field.press('Enter');
  }

  test('vera, without the right, cannot find stine by name or national id, nor see her in the office list; siri can', async () => {
    await e2e.app.personId('stine');
    const vera = await e2e.as('vera', { returnTo: '/?scope=office' });
    const count = vera.locator('#workspace-count');
    await count.waitFor();
    for (const query of ['Stine Skjermet', nationalId('stine')]) {
      await officeSearch(vera, query);
      await vera.getByTestId('workspace-empty').getByText(text('workspace:empty.narrowed')).waitFor();
    }
    await vera.getByRole('button', { name: text('workspace:empty.clear') }).click();
    await vera.getByTestId('workspace-person').first().waitFor();
    expect(await vera.getByTestId('workspace-person').filter({ hasText: 'Stine' }).count()).toBe(0);
    expect(await vera.getByTestId('workspace-person').filter({ hasText: 'Kari Nordmann' }).count()).toBe(1);
    expect(new URL(vera.url()).search).not.toContain(nationalId('stine'));

    const siri = await e2e.as('siri', { returnTo: '/?scope=office&office=0219' });
    await officeSearch(siri, nationalId('stine'));
    await siri.getByTestId('workspace-person').filter({ hasText: 'Stine Skjermet' }).waitFor();
    await officeSearch(siri, 'skjermet');
    await siri.getByTestId('workspace-person').filter({ hasText: 'Stine Skjermet' }).click();
    await banner(siri, 'person:banners.advisor.protected.title').waitFor();
  });
});

describe('assignment and KVP', () => {
  test('vera assigns herself to ola, who is then among her people; she starts and ends a KVP period with a reason, and sees it among the earlier ones', async () => {
    const olaId = await e2e.app.personId('ola');
    // An earlier KVP period, ended by the system when ola moved office.
    await addEndedKvpPeriod(e2e.app, olaId);
    const vera = await e2e.as('vera', { returnTo: `/persons/${olaId}` });
    const assignment = vera.getByTestId('assignment');
    await assignment.getByText(text('followup:assignment.none')).waitFor();
    await assignment.getByRole('button', { name: text('followup:assignment.toMe') }).click();
    await assignment.getByText(text('followup:assignment.done', 'nb', { name: 'Vera Veileder' })).waitFor();
    await assignment.getByText(text('followup:assignment.current', 'nb', { name: 'Vera Veileder', ident: 'Z990001' })).waitFor();
    // Assigned to her already: no "assign to me".
    expect(await assignment.getByRole('button', { name: text('followup:assignment.toMe') }).count()).toBe(0);

    const kvp = vera.getByTestId('kvp');
    /** Opens the KVP section's start or end modal, gives the reason and confirms. */
    const kvpWithReason = async (step: 'start' | 'end', reason: string) => {
      await kvp.getByRole('button', { name: text(`followup:kvp.${step}.open`) }).click();
      const modal = vera.getByRole('dialog', { name: text(`followup:kvp.${step}.heading`) });
      await settled(modal);
      await modal.getByRole('textbox', { name: text('followup:kvp.reasonLabel') }).fill(reason);
      await modal.getByRole('button', { name: text(`followup:kvp.${step}.confirm`) }).click();
      await modal.waitFor({ state: 'detached' });
    };
    await kvpWithReason('start', 'Vedtak om kvalifiseringsprogram.');
    await banner(vera, 'person:banners.advisor.kvp.title').waitFor();
    await kvpWithReason('end', 'Programmet er fullført.');
    await kvp.getByText(text('followup:kvp.none')).waitFor();
    const periods = await (await e2e.app.as('vera')).get(`/api/persons/${olaId}/kvp-periods`);
    expect(periods.body.kvpPeriods).toHaveLength(2);
    expect(periods.body.kvpPeriods).toContainEqual(expect.objectContaining({ officeId: '0219', startReason: 'Vedtak om kvalifiseringsprogram.', endReason: 'Programmet er fullført.' }));

    // Both ended periods, newest first, with their reasons; the system's end in words.
    await kvp.getByRole('button', { name: text('followup:kvp.earlier', 'nb', { count: 2 }) }).click();
    const earlier = kvp.getByTestId('kvp-earlier').locator('li');
    await earlier.nth(1).waitFor();
    expect(await earlier.count()).toBe(2);
    await earlier.nth(0).getByText(text('followup:kvp.startedBecause', 'nb', { reason: 'Vedtak om kvalifiseringsprogram.' })).waitFor();
    await earlier.nth(0).getByText(text('followup:kvp.endedBecause', 'nb', { reason: 'Programmet er fullført.' })).waitFor();
    await earlier.nth(1).getByText(text('followup:kvp.period', 'nb', { from: '5. januar 2026', to: '2. mars 2026', office: 'NAV Bærum' })).waitFor();
    await earlier.nth(1).getByText(text('followup:kvp.endedOfficeChanged')).waitFor();
    await expectNoAxeViolations(vera, 'person: earlier KVP periods open');

    await vera.getByTestId('header-workspace-link').click();
    await vera.getByRole('tab', { name: text('workspace:tabs.MINE'), selected: true }).waitFor();
    await vera.getByTestId('workspace-person').filter({ hasText: 'Ola Manuell' }).waitFor();
    // The demo data gave her Rita already.
    expect(await vera.getByTestId('workspace-person').count()).toBe(2);
    await vera.getByTestId('workspace-person').filter({ hasText: 'Rita Reservert' }).waitFor();
    await expectNoAxeViolations(vera, 'workspace: my people');
  });
});
