import type { AdvisorRight, Principal } from '#server/auth/principal.ts';
import type { PersonRow } from './person.repository.ts';

/**
 * Who may reach a person's data (product.md C3): the citizen themself at high assurance; an
 * advisor for persons at one of their offices, with an extra right for protected addresses and
 * NAV employees. Anyone else is refused exactly as if the person did not exist.
 */
export function canReachPerson(principal: Principal, person: Pick<PersonRow, 'nationalId' | 'officeId' | 'protectedAddress' | 'navEmployee'>): boolean {
  switch (principal.kind) {
    case 'citizen':
      return principal.nationalId === person.nationalId;
    case 'advisor': {
      if (!principal.offices.includes(person.officeId)) {
        return false;
      }
      if (person.protectedAddress === 'STRICT' && !principal.rights.includes('PROTECTED_ADDRESS_STRICT')) {
        return false;
      }
      if (person.protectedAddress === 'CONFIDENTIAL' && !principal.rights.includes('PROTECTED_ADDRESS')) {
        return false;
      }
      return !(person.navEmployee && !principal.rights.includes('NAV_EMPLOYEE'));
    }
    default:
      return false;
  }
}

/** Which protected persons an advisor may see, for searches that filter in the database. */
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
