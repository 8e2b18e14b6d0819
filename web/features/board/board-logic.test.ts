import { describe, expect, test } from 'vitest';
import type { Activity } from '#common/schemas/activity.ts';
import { clearFilters, readFilters, toggleFilter, toPlanFilters } from './board-filters.ts';
import { ALWAYS_SHOWN, byNewest, foldOlder } from './folding.ts';

describe('filters in the address', () => {
  test('known values are read in catalogue order, unknown ones dropped', () => {
    const params = new URLSearchParams('type=MEETING&type=JOB_APPLICATION&type=BOGUS&agreed=maybe&label=INTERVIEW');
    expect(readFilters(params)).toEqual({ type: ['JOB_APPLICATION', 'MEETING'], status: [], agreed: [], label: ['INTERVIEW'] });
  });

  test('toggling adds and removes one value and keeps the period', () => {
    const once = toggleFilter(new URLSearchParams('period=p1'), 'status', 'PLANNED');
    expect(once.getAll('status')).toEqual(['PLANNED']);
    expect(toggleFilter(once, 'status', 'PLANNED').getAll('status')).toEqual([]);
    expect(clearFilters(toggleFilter(once, 'type', 'MEETING')).toString()).toBe('period=p1');
  });

  test('the server is asked only for what narrows the board; agreed and not agreed together is no filter', () => {
    expect(toPlanFilters({ type: [], status: [], agreed: ['true', 'false'], label: [] }, null)).toEqual({});
    expect(toPlanFilters({ type: ['MEETING'], status: [], agreed: ['false'], label: [] }, 'p1')).toEqual({ periodId: 'p1', type: ['MEETING'], agreed: 'false' });
  });
});

describe('folding finished cards', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.parse('2026-06-30T12:00:00Z');
  const card = (id: string, daysAgo: number) => ({ id, changedAt: new Date(now - daysAgo * DAY).toISOString() }) as Activity;

  test('cards of the last 30 days show, older ones fold', () => {
    const cards = [card('a', 1), card('b', 40), card('c', 10), card('d', 90), card('e', 31), card('f', 2)].sort(byNewest);
    const { recent, older } = foldOlder(cards, now);
    expect(recent.map((c) => c.id)).toEqual(['a', 'f', 'c']);
    expect(older.map((c) => c.id)).toEqual(['e', 'b', 'd']);
  });

  test('the newest few show even when all are old', () => {
    const cards = [card('a', 100), card('b', 200), card('c', 300), card('d', 400)];
    expect(foldOlder(cards, now).recent).toHaveLength(ALWAYS_SHOWN);
    expect(foldOlder(cards, now).older.map((c) => c.id)).toEqual(['d']);
  });
});
