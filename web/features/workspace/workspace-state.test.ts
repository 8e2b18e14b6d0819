import { describe, expect, it } from 'vitest';
import { attentionOf, changeView, pageCount, readView, toggleFilter, toQuery, writeView } from './workspace-state.ts';

const OFFICES = ['0219', '0301'];
const read = (query: string) => readView(new URLSearchParams(query), OFFICES);

describe('the workspace view in the address', () => {
  it('defaults to my people, by name, page 1, at the first office', () => {
    expect(read('')).toEqual({ scope: 'MINE', officeId: '0219', filters: [], sort: 'NAME', order: 'ASC', page: 1 });
  });

  it('reads back what it wrote, and leaves defaults out', () => {
    const view = { scope: 'OFFICE' as const, officeId: '0301', filters: ['UNREAD_MESSAGES' as const, 'GOING_PASSIVE' as const], sort: 'LAST_CITIZEN_ACTION' as const, order: 'DESC' as const, page: 3 };
    const params = writeView(view);
    expect(params.toString()).toBe('scope=office&office=0301&filter=UNREAD_MESSAGES&filter=GOING_PASSIVE&sort=LAST_CITIZEN_ACTION&order=desc&page=3');
    expect(readView(params, OFFICES)).toEqual(view);
    expect(writeView(read('')).toString()).toBe('');
  });

  it('ignores what it does not know: another office, an unknown filter or sort, a page that is no page', () => {
    expect(read('scope=office&office=9999&filter=NOPE&filter=NEW&filter=NEW&sort=AGE&page=-2')).toEqual({ scope: 'OFFICE', officeId: '0219', filters: ['NEW'], sort: 'NAME', order: 'ASC', page: 1 });
  });

  it('starts at page 1 when anything else changes, and keeps filters in one order', () => {
    const view = { ...read('filter=NEW'), page: 4 };
    expect(toggleFilter(view, 'UNREAD_MESSAGES')).toMatchObject({ filters: ['UNREAD_MESSAGES', 'NEW'], page: 1 });
    expect(toggleFilter(view, 'NEW')).toMatchObject({ filters: [], page: 1 });
    expect(toggleFilter(view, 'BOGUS')).toBe(view);
    expect(changeView(view, { sort: 'NATIONAL_ID' }).page).toBe(1);
  });
});

describe('the query sent', () => {
  it('sends the office only for the office tab, and the search only when there is one', () => {
    expect(toQuery(read('office=0301'), '  ')).toEqual({ scope: 'MINE', filters: [], sort: 'NAME', order: 'ASC', page: 1, pageSize: 25 });
    expect(toQuery(read('scope=office&office=0301'), ' Kari ')).toMatchObject({ scope: 'OFFICE', officeId: '0301', search: 'Kari' });
  });
});

describe('attention and pages', () => {
  it('lists only what needs attention, with counts', () => {
    const attention = { unreadMessages: 2, awaitingNav: true, pastEndDate: 0, unreadAdvanceNotices: 0, meetingsToday: 1, new: false, goingPassive: true };
    expect(attentionOf({ attention })).toEqual([
      { key: 'unreadMessages', count: 2 },
      { key: 'awaitingNav', count: 1 },
      { key: 'meetingsToday', count: 1 },
      { key: 'goingPassive', count: 1 },
    ]);
  });

  it('counts pages, at least one', () => {
    expect([pageCount(0, 25), pageCount(25, 25), pageCount(26, 25)]).toEqual([1, 1, 2]);
  });
});
