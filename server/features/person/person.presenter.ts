import type { ContactStatus, PersonSummary } from '#common/schemas/person.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { PersonState, SummaryFacts } from './person.repository.ts';

/** What leaves the server about a person: the national id, the assignee and the KVP period only to advisors. */
export function presentPersonSummary(principal: Principal, person: PersonState, officeName: string | null, contact: ContactStatus, facts: SummaryFacts): PersonSummary {
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
    manualReason: person.manualFollowUp ? facts.latestModeReason : null,
  };
  if (principal.kind === 'advisor') {
    summary.nationalId = person.nationalId;
    summary.protectedAddress = person.protectedAddress;
    summary.assignedAdvisor = person.assignedAdvisorIdent ? { ident: person.assignedAdvisorIdent, name: facts.assignedAdvisorName } : null;
    summary.kvp = person.kvpOfficeId && facts.kvpStartedAt ? { officeId: person.kvpOfficeId, startedAt: new Date(facts.kvpStartedAt).toISOString() } : null;
  }
  return summary;
}
