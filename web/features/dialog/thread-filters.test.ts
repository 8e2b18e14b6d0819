import { describe, expect, test } from 'vitest';
import type { ThreadSummary } from '#common/schemas/dialog.ts';
import { awaitsMe, filterCounts, readChoice, sortThreads, visibleThreads, withChoice } from './thread-filters.ts';

let n = 0;
function thread(extra: Partial<ThreadSummary> = {}): ThreadSummary {
  n += 1;
  return {
    id: `t${n}`,
    periodId: 'p1',
    activityId: null,
    subject: `Thread ${n}`,
    escalation: false,
    escalationActive: false,
    createdAt: '2026-01-01T10:00:00Z',
    lastMessageAt: '2026-01-01T10:00:00Z',
    lastMessageSide: 'CITIZEN',
    preview: '',
    messageCount: 1,
    unreadCount: 0,
    awaitingCitizen: false,
    awaitingNav: null,
    writable: true,
    version: 1,
    ...extra,
  };
}

describe('the list choices in the address', () => {
  test('unknown or missing filters mean all', () => {
    expect(readChoice(new URLSearchParams('filter=nonsense'))).toEqual({ filter: 'all', activityId: null });
    expect(readChoice(new URLSearchParams('filter=unread&activity=a1'))).toEqual({ filter: 'unread', activityId: 'a1' });
  });

  test('the default is left out of the address, and another period forgets the activity', () => {
    expect(withChoice(new URLSearchParams('filter=unread'), 'filter', 'all').toString()).toBe('');
    expect(withChoice(new URLSearchParams('activity=a1&filter=unread'), 'period', 'p2').toString()).toBe('filter=unread&period=p2');
    expect(withChoice(new URLSearchParams('period=p2'), 'period', null).toString()).toBe('');
  });
});

describe('awaiting me', () => {
  test('the citizen waits on awaitingCitizen, NAV on awaitingNav', () => {
    const forCitizen = thread({ awaitingCitizen: true, awaitingNav: false });
    const forNav = thread({ awaitingCitizen: false, awaitingNav: true });
    expect([awaitsMe(forCitizen, 'citizen'), awaitsMe(forCitizen, 'advisor')]).toEqual([true, false]);
    expect([awaitsMe(forNav, 'citizen'), awaitsMe(forNav, 'advisor')]).toEqual([false, true]);
    // The citizen never learns awaitingNav (null), which never counts as awaiting.
    expect(awaitsMe(thread({ awaitingNav: null }), 'advisor')).toBe(false);
  });
});

describe('filtering and counting', () => {
  const unread = thread({ unreadCount: 2, activityId: 'a1' });
  const awaiting = thread({ awaitingCitizen: true, awaitingNav: true });
  const plain = thread({ activityId: 'a2' });
  const all = [unread, awaiting, plain];

  test('each filter shows its threads; counts follow the chosen activity', () => {
    expect(visibleThreads(all, { filter: 'unread', activityId: null }, 'citizen').map((t) => t.id)).toEqual([unread.id]);
    expect(visibleThreads(all, { filter: 'awaiting', activityId: null }, 'advisor').map((t) => t.id)).toEqual([awaiting.id]);
    expect(visibleThreads(all, { filter: 'all', activityId: 'a2' }, 'advisor').map((t) => t.id)).toEqual([plain.id]);
    expect(filterCounts(all, { filter: 'all', activityId: null }, 'citizen')).toEqual({ all: 3, unread: 1, awaiting: 1 });
    expect(filterCounts(all, { filter: 'all', activityId: 'a1' }, 'citizen')).toEqual({ all: 1, unread: 1, awaiting: 0 });
  });

  test('the open thread stays in the list after it stops matching', () => {
    expect(visibleThreads(all, { filter: 'unread', activityId: null }, 'citizen', plain.id).map((t) => t.id)).toEqual([unread.id, plain.id]);
  });

  test('a warning in force comes first, the rest keep the server’s order', () => {
    const warning = thread({ escalation: true, escalationActive: true });
    const stopped = thread({ escalation: true, escalationActive: false });
    expect(sortThreads([plain, stopped, warning, unread]).map((t) => t.id)).toEqual([warning.id, plain.id, stopped.id, unread.id]);
  });
});
