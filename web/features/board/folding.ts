import type { Activity } from '#common/schemas/activity.ts';

/** Finished cards older than this fold away in their column (NAV folds after one month too). */
export const FOLD_AFTER_DAYS = 30;
/** …but a column always shows at least this many of its newest cards. */
export const ALWAYS_SHOWN = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Newest change first; the card just moved comes to the top of its new column. */
export function byNewest(a: Activity, b: Activity): number {
  return b.changedAt.localeCompare(a.changedAt);
}

/**
 * Splits a finished column into the cards shown and the older ones behind "show N older":
 * shown are those changed in the last FOLD_AFTER_DAYS days, and never fewer than ALWAYS_SHOWN.
 * Expects the cards sorted newest first.
 */
export function foldOlder(cards: Activity[], now: number): { recent: Activity[]; older: Activity[] } {
  const limit = now - FOLD_AFTER_DAYS * DAY_MS;
  const recentCount = Math.max(
    ALWAYS_SHOWN,
    cards.filter((card) => Date.parse(card.changedAt) >= limit).length,
  );
  return { recent: cards.slice(0, recentCount), older: cards.slice(recentCount) };
}
