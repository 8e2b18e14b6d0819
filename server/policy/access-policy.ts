import { AppError } from '#common/errors.ts';
import type { AdvisorPrincipal, AdvisorRight, CitizenPrincipal, Principal } from '#server/auth/principal.ts';

/**
 * The one place that decides who may read and write what (product.md C3). Services ask it; they
 * never decide access themselves.
 *
 * - A citizen reaches only themself, and only after a login at high assurance (else 403).
 * - An advisor reaches persons whose office is one of theirs, or who are assigned to them; a
 *   protected address (strict or confidential) or a NAV employee also needs the matching right.
 * - Content made during a KVP period (activities, messages) is seen by the citizen and by advisors
 *   at the KVP office only.
 * - Anyone else (employer, system) reaches no person here.
 *
 * A person out of reach is answered exactly as a person that does not exist (the same 404).
 */
export interface ReachFacts {
  nationalId: string;
  officeId: string;
  protectedAddress: 'STRICT' | 'CONFIDENTIAL' | null;
  navEmployee: boolean;
  assignedAdvisorIdent: string | null;
}

export const NOT_FOUND_MESSAGE = 'No such person';

function passesProtection(principal: AdvisorPrincipal, person: Pick<ReachFacts, 'protectedAddress' | 'navEmployee'>): boolean {
  if (person.protectedAddress === 'STRICT' && !principal.rights.includes('PROTECTED_ADDRESS_STRICT')) {
    return false;
  }
  if (person.protectedAddress === 'CONFIDENTIAL' && !principal.rights.includes('PROTECTED_ADDRESS')) {
    return false;
  }
  return !(person.navEmployee && !principal.rights.includes('NAV_EMPLOYEE'));
}

export function canReachPerson(principal: Principal, person: ReachFacts): boolean {
  switch (principal.kind) {
    case 'citizen':
      return principal.nationalId === person.nationalId;
    case 'advisor': {
      const inReach = principal.offices.includes(person.officeId) || person.assignedAdvisorIdent === principal.ident;
      return inReach && passesProtection(principal, person);
    }
    default:
      return false;
  }
}

/**
 * Throws the answer for a person the caller may not reach: the 404 of a missing person, or 403
 * for the citizen's own plan reached with less than high assurance.
 */
export function assertReach<T extends ReachFacts>(principal: Principal, person: T | undefined): T {
  if (!person || !canReachPerson(principal, person)) {
    throw new AppError('not_found', NOT_FOUND_MESSAGE);
  }
  if (principal.kind === 'citizen' && !principal.highAssurance) {
    throw new AppError('forbidden', 'Your plan needs a login with high assurance (BankID, Buypass or Commfides)');
  }
  return person;
}

/** Whether the caller sees content made during a KVP period at this office (null: not KVP content). */
export function canSeeKvpContent(principal: Principal, kvpOfficeId: string | null): boolean {
  if (kvpOfficeId === null) {
    return true;
  }
  switch (principal.kind) {
    case 'citizen':
      return true;
    case 'advisor':
      return principal.offices.includes(kvpOfficeId);
    default:
      return false;
  }
}

/** The offices whose KVP content the caller sees; null means all (the citizen's own). */
export function kvpOfficesOf(principal: Principal): string[] | null {
  return principal.kind === 'advisor' ? principal.offices : principal.kind === 'citizen' ? null : [];
}

/** Only NAV does this (403 for the citizen in reach, with what they asked for named). */
export function requireAdvisor(principal: Principal, what: string): AdvisorPrincipal {
  if (principal.kind !== 'advisor') {
    throw new AppError('forbidden', `Only NAV ${what}`);
  }
  return principal;
}

/** Only the citizen themself does this. */
export function requireCitizen(principal: Principal, what: string): CitizenPrincipal {
  if (principal.kind !== 'citizen') {
    throw new AppError('forbidden', `Only the citizen ${what}`);
  }
  return principal;
}

/** Which protected persons an advisor may see, for searches and lists that filter in the database. */
export interface ProtectedReach {
  protectedAddresses: Array<'STRICT' | 'CONFIDENTIAL'>;
  navEmployees: boolean;
}

export function protectedReach(rights: readonly AdvisorRight[]): ProtectedReach {
  return {
    protectedAddresses: [
      ...(rights.includes('PROTECTED_ADDRESS_STRICT') ? (['STRICT'] as const) : []),
      ...(rights.includes('PROTECTED_ADDRESS') ? (['CONFIDENTIAL'] as const) : []),
    ],
    navEmployees: rights.includes('NAV_EMPLOYEE'),
  };
}

/** The office an advisor reached the person through, as the audit log names it. */
export function officeOfAccess(principal: AdvisorPrincipal, person: Pick<ReachFacts, 'officeId'> & { kvpOfficeId?: string | null }): string | null {
  if (principal.offices.includes(person.officeId)) {
    return person.officeId;
  }
  if (person.kvpOfficeId && principal.offices.includes(person.kvpOfficeId)) {
    return person.kvpOfficeId;
  }
  return principal.offices[0] ?? null;
}
