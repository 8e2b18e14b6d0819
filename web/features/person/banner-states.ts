import type { PersonSummary } from '#common/schemas/person.ts';
import type { Plan } from '#common/schemas/plan.ts';

/**
 * Which banners a person's board shows, each a key of the `person` catalogue
 * (person:banners.<side>.<key>). Kept apart from the components so the rules read in one place.
 */
export type CitizenBanner = 'noPeriod' | 'periodEnded' | 'reserved' | 'manual' | 'outdated' | 'notRegistered';
export type AdvisorBanner = 'protected' | 'kvp' | 'noPeriod' | 'periodEnded' | 'reserved' | 'manual' | 'outdated' | 'notRegistered' | 'registerUnavailable';

type PlanState = Pick<Plan, 'periods'> | undefined;

/**
 * Without a current period the plan is read-only for everyone: either the person has never been
 * followed up, or their last period has ended (its plan stays readable). An earlier period chosen
 * in the board's period picker is the board's to explain.
 */
function periodState(person: PersonSummary, plan: PlanState): 'noPeriod' | 'periodEnded' | null {
  // Until the plan is read it is unknown which of the two it is: say nothing rather than flicker.
  if (person.currentPeriodId || !plan) {
    return null;
  }
  return plan.periods.length > 0 ? 'periodEnded' : 'noPeriod';
}

/**
 * The citizen: why the plan is read-only (the period first, then how they are followed up), then
 * what they can fix about their contact details. A reserved person is given the plan on paper
 * whether or not they are also marked manual, so only the reservation is told.
 */
export function citizenBanners(person: PersonSummary, plan: PlanState): CitizenBanner[] {
  const banners: CitizenBanner[] = [];
  const period = periodState(person, plan);
  if (period) {
    banners.push(period);
  }
  const reserved = person.contact.reserved === true;
  if (period === null) {
    if (reserved) {
      banners.push('reserved');
    } else if (person.manualFollowUp) {
      banners.push('manual');
    }
  }
  if (!reserved && person.contact.outdated === true) {
    banners.push('outdated');
  }
  if (person.contact.registered === false) {
    banners.push('notRegistered');
  }
  return banners;
}

/** The advisor: what to handle with care first, then the period, then how the person can be reached. */
export function advisorBanners(person: PersonSummary, plan: PlanState): AdvisorBanner[] {
  const banners: AdvisorBanner[] = [];
  if (person.protectedAddress) {
    banners.push('protected');
  }
  if (person.inKvp) {
    banners.push('kvp');
  }
  const period = periodState(person, plan);
  if (period) {
    banners.push(period);
  }
  if (person.manualFollowUp) {
    banners.push('manual');
  }
  const { contact } = person;
  if (!contact.available) {
    banners.push('registerUnavailable');
  } else if (contact.registered === false) {
    banners.push('notRegistered');
  } else if (contact.reserved) {
    banners.push('reserved');
  } else if (contact.outdated) {
    banners.push('outdated');
  }
  return banners;
}
