import { describe, expect, it } from 'vitest';
import { AUDIT_SUBJECTS } from '#common/schemas/follow-up.ts';
import { byDate, osloTime, visitSubjects, visitWhen, type Visit } from './access-log-format.ts';

const visit = (from: string, to: string, opened: Visit['opened'] = ['PLAN'], changed: Visit['changed'] = []): Visit => ({
  advisor: { name: 'Vera Veileder' },
  office: { id: '0219', name: 'NAV Bærum' },
  from,
  to,
  opened,
  changed,
});

describe('the citizen is told when NAV looked, in Oslo time', () => {
  it('writes the time of day as Oslo reads it, summer and winter', () => {
    expect(osloTime('nb', '2026-07-01T08:05:00Z')).toBe('10:05');
    expect(osloTime('en', '2026-01-15T08:05:00Z')).toBe('09:05');
  });

  it('gives the date in the language and the first and last minute of the visit', () => {
    expect(visitWhen('nb', visit('2026-03-02T09:00:00Z', '2026-03-02T09:17:00Z'))).toEqual({ date: '2. mars 2026', from: '10:00', to: '10:17', single: false });
    expect(visitWhen('en', visit('2026-03-02T09:00:00Z', '2026-03-02T09:17:00Z')).date).toBe('2 March 2026');
    expect(visitWhen('nn', visit('2026-03-02T09:00:00Z', '2026-03-02T09:00:30Z')).single).toBe(true);
  });

  it('puts a visit just after midnight in Oslo on the Oslo date, not the UTC one', () => {
    expect(visitWhen('nb', visit('2026-03-02T23:10:00Z', '2026-03-02T23:20:00Z')).date).toBe('3. mars 2026');
    const groups = byDate([visit('2026-03-02T23:10:00Z', '2026-03-02T23:20:00Z'), visit('2026-03-02T22:00:00Z', '2026-03-02T22:05:00Z'), visit('2026-03-02T21:00:00Z', '2026-03-02T21:05:00Z')]);
    expect(groups.map((g) => [g.date, g.visits.length])).toEqual([
      ['2026-03-03', 1],
      ['2026-03-02', 2],
    ]);
  });
});

describe('what was opened and changed', () => {
  it('lists each subject once in a fixed order, and a changed subject only as changed', () => {
    expect(visitSubjects({ opened: ['DIALOG', 'PLAN', 'ACTIVITY'], changed: ['ACTIVITY'] }, AUDIT_SUBJECTS)).toEqual({ opened: ['PLAN', 'DIALOG'], changed: ['ACTIVITY'] });
  });
});
