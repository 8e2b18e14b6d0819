import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#common/i18n/catalogue.ts';
import type { NotificationKind } from '#server/db/types.ts';
import { linkFor, notificationText } from './notification.texts.ts';

const KINDS: NotificationKind[] = [
  'NAV_MESSAGE',
  'ADVANCE_NOTICE',
  'ADVANCE_NOTICE_REMINDER',
  'MEETING_NEW',
  'MEETING_CHANGED',
  'MEETING_REMINDER',
  'SUMMARY_SHARED',
  'ESCALATION_WARNING',
];
const ID = '5b7f3c2e-9d1a-4c8e-8f0b-2a6d4e1c9b37';

describe('notification texts', () => {
  it('link to the thread for messages and warnings, to the activity for the rest', () => {
    expect(linkFor('https://plan.example.test/', 'NAV_MESSAGE', ID)).toBe(`https://plan.example.test/dialog/${ID}`);
    expect(linkFor('https://plan.example.test', 'ESCALATION_WARNING', ID)).toBe(`https://plan.example.test/dialog/${ID}`);
    expect(linkFor('https://plan.example.test', 'MEETING_REMINDER', ID)).toBe(`https://plan.example.test/activities/${ID}`);
  });

  it.each(LANGUAGES)('exist for every kind in %s, with the link, no placeholder left and an SMS that fits one message', (language) => {
    for (const kind of KINDS) {
      const link = linkFor('https://aktivitetsplan.nav.example.test', kind, ID);
      const text = notificationText(language, kind, link);
      expect(text.subject.length, `${language} ${kind}`).toBeGreaterThan(5);
      expect(text.body).toContain(link);
      expect(text.sms).toContain(link);
      expect(`${text.subject}${text.body}${text.sms}`).not.toMatch(/\{\{|\}\}/);
      expect(text.sms.length, `${language} ${kind} SMS`).toBeLessThanOrEqual(160);
      expect(text.sms).not.toContain('\n');
    }
  });

  it('are written for each language, not copied', () => {
    for (const kind of KINDS) {
      const [nb, nn, en] = LANGUAGES.map((language) => notificationText(language, kind, 'L').body);
      expect(new Set([nb, nn, en]).size, kind).toBe(3);
    }
  });

  it('give every kind a subject of its own', () => {
    const subjects = KINDS.map((kind) => notificationText('nb', kind, 'L').subject);
    expect(new Set(subjects).size).toBe(KINDS.length);
  });
});
