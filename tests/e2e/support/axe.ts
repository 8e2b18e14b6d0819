import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * WCAG 2.1 A and AA plus axe's best practices. No rule is switched off: every one of them can
 * apply to these pages. A test that needs to leave a part out (a third-party frame) says so with
 * `exclude`.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
export const AXE_DISABLED_RULES: string[] = [];

export interface AxeOptions {
  /** CSS selectors to check only (default: the whole page). */
  include?: string[];
  /** CSS selectors to leave out. */
  exclude?: string[];
}

/** Runs axe on the page as it is now and fails with a readable list when anything is wrong. */
export async function expectNoAxeViolations(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  await settle(page);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (AXE_DISABLED_RULES.length > 0) {
    builder = builder.disableRules(AXE_DISABLED_RULES);
  }
  for (const selector of options.include ?? []) {
    builder = builder.include(selector);
  }
  for (const selector of options.exclude ?? []) {
    builder = builder.exclude(selector);
  }
  const { violations } = await builder.analyze();
  if (violations.length === 0) {
    return;
  }
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.slice(0, 10).flatMap((node) => [
      `    at ${node.target.join(' ')}`,
      `      ${node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html}`,
      ...(node.failureSummary ? node.failureSummary.split('\n').map((line) => `      ${line}`) : []),
    ]),
    ...(v.nodes.length > 10 ? [`    … and ${v.nodes.length - 10} more`] : []),
  ]);
  throw new Error(`axe found ${violations.length} violation(s) on "${label}" (${page.url()}):\n${lines.join('\n')}`);
}

/**
 * Lets the page come to rest before it is judged: the pointer leaves whatever it last clicked (a
 * hover colour is not the resting colour) and running animations and transitions (a dialog fading
 * in is half transparent) finish. Infinite ones (a spinner) are left running.
 */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => {
      const end = a.effect?.getComputedTiming().endTime;
      return typeof end === 'number' && Number.isFinite(end);
    });
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}
