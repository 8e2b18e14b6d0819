import { expect, test } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { expectNoAxeViolations, setupE2e, text } from './support/e2e.ts';

/**
 * What happens over time on an open page: the other party's changes reach the board without a
 * reload (polling until live push arrives), and the idle timeout warns before it logs out. The
 * browser's clock is Playwright's, moved forward instead of waited for.
 */
const e2e = setupE2e();
const today = () => osloDate(new Date());

test("the advisor's new activity appears on the citizen's open board without a reload", async () => {
  const page = await e2e.as('kari');
  await page.clock.install();
  await page.reload();
  await page.getByTestId('activity-card').first().waitFor();
  const title = `Suggested by NAV ${Date.now()}`;
  const vera = await e2e.app.as('vera');
  const personId = await e2e.app.personId('kari');
  const reply = await vera.post(`/api/persons/${personId}/activities`, {
    type: 'SELF_DIRECTED',
    title,
    fromDate: today(),
    toDate: addDays(today(), 14),
    status: 'SUGGESTED',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  await expect(page.getByTestId('activity-card').filter({ hasText: title }).count()).resolves.toBe(0);
  await page.clock.fastForward('00:20');
  await page.getByTestId('activity-card').filter({ hasText: title }).waitFor({ timeout: 10_000 });
});

test('a warning comes before the idle timeout; "stay logged in" renews the session, and after the timeout the page says so', async () => {
  const page = await e2e.as('kari');
  await page.clock.install();
  await page.reload();
  await page.getByTestId('activity-card').first().waitFor();
  const warning = page.getByRole('dialog', { name: text('app:session.warningTitle') });
  await expect(warning.count()).resolves.toBe(0);

  // Sessions idle out after 30 minutes; the warning shows in the last two.
  await page.clock.fastForward('28:30');
  await warning.waitFor();
  await expectNoAxeViolations(page, 'idle warning');
  const renewed = page.waitForResponse((r) => r.url().endsWith('/api/session/keepalive') && r.status() === 200);
  await warning.getByRole('button', { name: text('app:session.stay') }).click();
  await renewed;
  await warning.waitFor({ state: 'detached' });

  // Another 28.5 minutes with nothing done warns again; past the end the page says the login is gone.
  await page.clock.fastForward('28:30');
  await warning.waitFor();
  await page.clock.fastForward('02:00');
  const expired = page.getByRole('dialog', { name: text('app:session.expiredTitle') });
  await expired.waitFor();
  await expect(expired.getByRole('button', { name: text('app:login.button') }).isVisible()).resolves.toBe(true);
  await expectNoAxeViolations(page, 'session expired');
});
