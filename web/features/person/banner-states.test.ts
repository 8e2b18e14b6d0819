import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '#common/schemas/person.ts';
import { advisorBanners, citizenBanners } from './banner-states.ts';

const digital: PersonSummary = {
  id: 'p1',
  givenName: 'Kari',
  familyName: 'Nordmann',
  office: { id: '0219', name: 'NAV Bærum' },
  language: 'nb',
  currentPeriodId: 'period-2',
  manualFollowUp: false,
  inKvp: false,
  contact: { available: true, registered: true, reserved: false, outdated: false },
};
const person = (change: Partial<PersonSummary> = {}, contact: Partial<PersonSummary['contact']> = {}): PersonSummary => ({
  ...digital,
  ...change,
  contact: { ...digital.contact, ...contact },
});
const periods = (count: number) => ({ periods: Array.from({ length: count }, (_, i) => ({ id: `period-${i}`, startedAt: '2026-01-01T08:00:00Z', endedAt: null, current: false })) });

describe('citizen banners', () => {
  it('are none for a digital person with a current period', () => {
    expect(citizenBanners(person(), periods(1))).toEqual([]);
  });

  it('tell a person never followed up apart from one whose period ended', () => {
    expect(citizenBanners(person({ currentPeriodId: null }), periods(0))).toEqual(['noPeriod']);
    expect(citizenBanners(person({ currentPeriodId: null }), periods(1))).toEqual(['periodEnded']);
  });

  it('tell a reserved person only of the reservation, even when also marked manual', () => {
    expect(citizenBanners(person({ manualFollowUp: true }, { reserved: true }), periods(1))).toEqual(['reserved']);
    expect(citizenBanners(person({ manualFollowUp: true }), periods(1))).toEqual(['manual']);
  });

  it('explain the period first and leave out how the plan is followed up when it cannot be changed anyway', () => {
    expect(citizenBanners(person({ currentPeriodId: null, manualFollowUp: true }, { outdated: true }), periods(1))).toEqual(['periodEnded', 'outdated']);
  });

  it('ask to update outdated or missing contact details, and say nothing when the register did not answer', () => {
    expect(citizenBanners(person({}, { outdated: true }), periods(1))).toEqual(['outdated']);
    expect(citizenBanners(person({}, { registered: false, reserved: false, outdated: false }), periods(1))).toEqual(['notRegistered']);
    expect(citizenBanners(person({}, { available: false, registered: null, reserved: null, outdated: null }), periods(1))).toEqual([]);
  });
});

describe('advisor banners', () => {
  it('put protection and KVP first, then the period, then how the person can be reached', () => {
    const all = person({ protectedAddress: 'STRICT', inKvp: true, currentPeriodId: null, manualFollowUp: true }, { reserved: true });
    expect(advisorBanners(all, periods(2))).toEqual(['protected', 'kvp', 'periodEnded', 'manual', 'reserved']);
  });

  it('say when the contact register could not be asked, instead of guessing', () => {
    expect(advisorBanners(person({}, { available: false, registered: null, reserved: null, outdated: null }), periods(1))).toEqual(['registerUnavailable']);
    expect(advisorBanners(person({}, { outdated: true }), periods(1))).toEqual(['outdated']);
    expect(advisorBanners(person({}, { registered: false }), periods(1))).toEqual(['notRegistered']);
  });

  it('offer a first period to a person never followed up', () => {
    expect(advisorBanners(person({ currentPeriodId: null }), periods(0))).toEqual(['noPeriod']);
    // Until the plan is read, whether a period ended is unknown: nothing rather than a flicker.
    expect(advisorBanners(person({ currentPeriodId: null }), undefined)).toEqual([]);
  });
});
