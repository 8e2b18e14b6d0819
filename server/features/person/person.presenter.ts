import type { ContactStatus, PersonSummary } from '#common/schemas/person.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { PersonState } from './person.repository.ts';

/** What leaves the server about a person: the national id only to advisors. */
export function presentPersonSummary(principal: Principal, person: PersonState, officeName: string | null, contact: ContactStatus): PersonSummary {
  const summary: PersonSummary = {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    office: { id: person.officeId, name: officeName },
    language: person.language,
    currentPeriodId: person.currentPeriodId,
    manualFollowUp: person.manualFollowUp,
    inKvp: person.kvpOfficeId !== null,
    contact,
  };
  if (principal.kind === 'advisor') {
    summary.nationalId = person.nationalId;
    summary.protectedAddress = person.protectedAddress;
  }
  return summary;
}
