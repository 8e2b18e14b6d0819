import { describe, expect, it } from 'vitest';
import { normaliseClock } from '../fields/MeetingStartField.tsx';
import { aapTextProblem } from '#web/features/agreement/agreement-text.ts';
import { safeHref } from './format.ts';

describe('safeHref: a stored link becomes a link only when it is http or https', () => {
  it('keeps http and https', () => {
    expect(safeHref('https://arbeidsplassen.nav.no/stillinger/1')).toBe('https://arbeidsplassen.nav.no/stillinger/1');
    expect(safeHref('http://example.no')).toBe('http://example.no/');
  });
  it('reads a bare host as https', () => {
    expect(safeHref('www.finn.no/job/123')).toBe('https://www.finn.no/job/123');
  });
  it('refuses every other scheme and plain words', () => {
    for (const value of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'mailto:a@b.no', 'ring meg', 'ftp://x.no']) {
      expect(safeHref(value)).toBeNull();
    }
  });
});

describe('normaliseClock: the ways people type a time', () => {
  it('understands 9:30, 09.30 and 0930', () => {
    expect(normaliseClock('9:30')).toBe('09:30');
    expect(normaliseClock('09.30')).toBe('09:30');
    expect(normaliseClock('0930')).toBe('09:30');
  });
  it('refuses times that do not exist', () => {
    for (const value of ['24:00', '9:60', '930pm', '', '9']) {
      expect(normaliseClock(value)).toBeNull();
    }
  });
});

describe('aapTextProblem: the § 11-9 text the advisor adapts', () => {
  it('asks for the template gaps to be filled', () => {
    expect(aapTextProblem('Hvis du lar være å [skriv hva], kan …')).toBe('placeholder');
    expect(aapTextProblem('Hvis du lar være å møte 3. desember, kan …')).toBeNull();
    expect(aapTextProblem('   ')).toBe('required');
    expect(aapTextProblem('x'.repeat(501))).toBe('tooLong');
  });
});
