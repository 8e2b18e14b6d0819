import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { expectNoAxeViolations, setupE2e, text } from './support/e2e.ts';

/**
 * What happens over time on an open page: the other party's changes reach it by the live stream
 * (Server-Sent Events) within moments — far sooner than the 15 s polling that stands in while no
 * stream is open — and a stream that drops catches up when it is back; the idle timeout warns
 * before it logs out. The browser's clock is Playwright's, moved forward instead of waited for.
 */
const e2e = setupE2e();
const today = () => osloDate(new Date());

async function suggest(title: string): Promise<void> {
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
}

const isStream = (url: string) => /\/api\/persons\/[^/]+\/events(\?|$)/.test(url);

/** Opens kari's board and waits until its live stream is open. */
async function boardWithStream(): Promise<Page> {
  const page = await e2e.as('kari');
  const streamOpen = page.waitForResponse((r) => isStream(r.url()) && r.status() === 200);
  await page.reload();
  await streamOpen;
  await page.getByTestId('activity-card').first().waitFor();
  return page;
}

test("the advisor's new activity appears on the citizen's open board within moments, pushed, not polled", async () => {
  const page = await boardWithStream();
  const title = `Suggested by NAV ${Date.now()}`;
  const started = Date.now();
  await suggest(title);
  // Polling would take up to 15 s; the stream brings it at once.
  await page.getByTestId('activity-card').filter({ hasText: title }).waitFor({ timeout: 3_000 });
  console.info(`e2e live: the card appeared ${Date.now() - started} ms after the advisor's request started`);
});

test('a page whose stream dropped catches up on what it missed when the browser reconnects, well before polling would', async () => {
  const page = await boardWithStream();
  await suggest(`Before the drop ${Date.now()}`);
  await page.getByText(/Before the drop/).first().waitFor({ timeout: 3_000 });

  // The server drops every stream (as a restart would); the page reads the board once and falls back to polling.
  const fallbackRead = page.waitForResponse((r) => /\/api\/persons\/[^/]+\/plan/.test(r.url()) && r.status() === 200);
  // The header is added below the page (allHeaders has it, headers() does not).
  const reconnect = new Promise<string>((resolve) =>
    page.on('request', (r) => {
      if (isStream(r.url())) {
        void r.allHeaders().then((headers) => headers['last-event-id'] && resolve(headers['last-event-id']));
      }
    }),
  );
  e2e.app.server.app.liveStreams.endAll();
  await fallbackRead;
  const title = `Missed while disconnected ${Date.now()}`;
  const started = Date.now();
  await suggest(title);
  // The browser reconnects after the server's retry time (2 s) with the last id it saw, and is sent
  // what it missed; the next poll would come only after 15 s.
  expect(await reconnect).toMatch(/^\d+$/);
  await page.getByTestId('activity-card').filter({ hasText: title }).waitFor({ timeout: 5_000 });
  console.info(`e2e live: the missed card appeared ${Date.now() - started} ms after the change`);
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
