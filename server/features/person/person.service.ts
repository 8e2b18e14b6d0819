import { idnr } from '@navikt/fnrvalidator';
import { AppError, validationError } from '#common/errors.ts';
import type { ContactStatus, Me, PersonSearchResult, PersonSummary } from '#common/schemas/person.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db, DbOrTx } from '#server/db/database.ts';
import { RegisterUnavailableError, type ContactRegister, type PersonRegister } from '#server/registers/types.ts';
import { auditRead, type AuditService, type AuditUse } from '#server/features/audit/audit.service.ts';
import { assertReach, canReachPerson, NOT_FOUND_MESSAGE, protectedReach, requireAdvisor } from '#server/policy/access-policy.ts';
import * as repo from './person.repository.ts';
import type { PersonState } from './person.repository.ts';
import { presentPersonSummary } from './person.presenter.ts';

export type { PersonState } from './person.repository.ts';

/** Most persons a name search lists; more means the advisor should type more of the name. */
const SEARCH_LIMIT = 50;

export interface PersonServiceDeps {
  db: Db;
  clock: Clock;
  personRegister: PersonRegister;
  contactRegister: ContactRegister;
  audit: AuditService;
}

export function createPersonService(deps: PersonServiceDeps) {
  const { db, clock } = deps;

  /** The audit record of an advisor's use, and the end of "new" when the assigned advisor first opens the person. */
  async function noteUse(principal: Principal, person: PersonState, use: AuditUse | null, tx: DbOrTx): Promise<void> {
    if (principal.kind !== 'advisor' || use === null) {
      return;
    }
    await deps.audit.personAccess(tx, principal, person, use);
    if (person.assignedAdvisorIdent === principal.ident && person.assigneeOpenedAt === null) {
      await repo.markAssigneeOpened(tx, person.id, principal.ident, clock.now());
    }
  }

  /**
   * Access checked by the policy for a state already read (404 when missing or out of reach), and
   * an advisor's use recorded with `tx`. The plan read reads the state together with its own data
   * in one statement and calls this before answering anything; resolve reads the state first.
   */
  async function admit(principal: Principal, state: PersonState | undefined, use: AuditUse | null, tx: DbOrTx = db): Promise<PersonState> {
    const person = assertReach(principal, state);
    await noteUse(principal, person, use, tx);
    return person;
  }

  /** Fetches the register's record and refreshes the snapshot; null when the register does not know the id. */
  async function refreshFromRegister(nationalId: string): Promise<string | null> {
    const record = await deps.personRegister.lookup(nationalId);
    if (!record) {
      return null;
    }
    return repo.upsertSnapshot(db, record, clock.now());
  }

  async function contactStatus(nationalId: string): Promise<ContactStatus> {
    try {
      const contact = await deps.contactRegister.lookup(nationalId);
      if (!contact) {
        return { available: true, registered: false, reserved: false, outdated: false };
      }
      return { available: true, registered: true, reserved: contact.reserved, outdated: contact.outdated };
    } catch (error) {
      if (error instanceof RegisterUnavailableError) {
        return { available: false, registered: null, reserved: null, outdated: null };
      }
      throw error;
    }
  }

  async function present(principal: Principal, person: PersonState): Promise<PersonSummary> {
    const [officeName, contact, facts] = await Promise.all([repo.getOfficeName(db, person.officeId), contactStatus(person.nationalId), repo.getSummaryFacts(db, person.id)]);
    return presentPersonSummary(principal, person, officeName, contact, facts);
  }

  return {
    /**
     * The person with access checked by the policy; 404 when missing or out of reach. `use` says
     * what an advisor reads or writes, for the audit log (null only for a pre-check whose
     * transaction records the use itself); the record is written with `tx`.
     */
    async resolve(principal: Principal, personId: string, use: AuditUse | null, tx: DbOrTx = db): Promise<PersonState> {
      return admit(principal, await repo.getStateById(tx, personId), use, tx);
    },

    /** As resolve, and locks the person for the transaction so writes to one plan are serialised. */
    async resolveForWrite(principal: Principal, personId: string, tx: DbOrTx, use: AuditUse | null): Promise<PersonState> {
      return admit(principal, await repo.getStateByIdForUpdate(tx, personId), use, tx);
    },

    admit,

    /** Records a use when the person was already resolved (e.g. found through an activity). */
    noteUse,

    contactStatus,

    /** Finds a person by national id (POST body, never a URL), refreshing the register snapshot. */
    async lookup(principal: Principal, nationalId: string): Promise<PersonSummary> {
      if (idnr(nationalId).status !== 'valid') {
        throw validationError('body.nationalId', 'is not a valid national id (fødselsnummer or d-nummer)');
      }
      let state = await repo.getStateByNationalId(db, nationalId);
      try {
        if (await refreshFromRegister(nationalId)) {
          state = await repo.getStateByNationalId(db, nationalId);
        }
      } catch (error) {
        if (!(error instanceof RegisterUnavailableError) || !state) {
          throw error instanceof RegisterUnavailableError
            ? new AppError('service_unavailable', 'The person register could not be asked; try again shortly')
            : error;
        }
      }
      const reached = await admit(principal, state, auditRead('PERSON'));
      return present(principal, reached);
    },

    /** The person's summary when opened; refreshes the snapshot when the register answers. */
    async summary(principal: Principal, personId: string): Promise<PersonSummary> {
      let state = await repo.getStateById(db, personId);
      if (state && canReachPerson(principal, state)) {
        try {
          await refreshFromRegister(state.nationalId);
          state = await repo.getStateById(db, personId);
        } catch (error) {
          if (!(error instanceof RegisterUnavailableError)) {
            throw error;
          }
        }
      }
      const reached = await admit(principal, state, auditRead('PERSON'));
      return present(principal, reached);
    },

    /** Who is logged in; a citizen's person is created from the register on first visit. */
    async me(principal: Principal): Promise<Me> {
      switch (principal.kind) {
        case 'citizen': {
          let state = await repo.getStateByNationalId(db, principal.nationalId);
          if (!state) {
            try {
              await refreshFromRegister(principal.nationalId);
            } catch (error) {
              if (error instanceof RegisterUnavailableError) {
                throw new AppError('service_unavailable', 'The person register could not be asked; try again shortly');
              }
              throw error;
            }
            state = await repo.getStateByNationalId(db, principal.nationalId);
          }
          if (!state) {
            throw new AppError('not_found', 'You are not registered for follow-up by NAV');
          }
          return { role: 'citizen', personId: state.id, givenName: state.givenName, familyName: state.familyName, highAssurance: principal.highAssurance, language: state.language };
        }
        case 'advisor': {
          // The directory of advisors the app has seen: whom a person can be assigned to, and who looked at a plan.
          await repo.noteAdvisor(db, { ident: principal.ident, name: principal.name, offices: principal.offices }, clock.now());
          const names = await repo.getOfficeNames(db, principal.offices);
          const offices = principal.offices.map((id) => ({ id, name: names.get(id) ?? null }));
          return { role: 'advisor', ident: principal.ident, name: principal.name, offices, language: await repo.getAdvisorLanguage(db, principal.ident) };
        }
        case 'employer':
          return { role: 'employer', organisations: principal.organisations };
        case 'system':
          return { role: 'system', clientId: principal.clientId };
      }
    },

    officeName: (officeId: string) => repo.getOfficeName(db, officeId),

    /** Stores the language chosen in the page: the citizen's own language, or the advisor's preference. */
    async setLanguage(principal: Principal, language: 'nb' | 'nn' | 'en'): Promise<{ language: 'nb' | 'nn' | 'en' }> {
      if (principal.kind === 'citizen') {
        const state = await repo.getStateByNationalId(db, principal.nationalId);
        if (!state) {
          throw new AppError('not_found', NOT_FOUND_MESSAGE);
        }
        await repo.setPersonLanguage(db, state.id, language);
      } else if (principal.kind === 'advisor') {
        await repo.setAdvisorLanguage(db, principal.ident, language, clock.now());
      } else {
        throw new AppError('forbidden', 'Only citizens and advisors choose a language here');
      }
      return { language };
    },

    /**
     * An advisor's search: 11 digits look up a national id (through the register, as lookup does);
     * anything else matches words of names among persons at the advisor's offices. Persons the
     * advisor may not reach are never listed, exactly as if they did not exist.
     */
    async search(principal: Principal, query: string): Promise<PersonSearchResult> {
      const advisor = requireAdvisor(principal, 'searches for persons');
      const text = query.trim();
      // One record per search, with what was asked (product.md C3), whatever it finds.
      await deps.audit.query(db, principal, 'SEARCH', 'SEARCH', { query: text });
      if (/^\d{11}$/.test(text)) {
        if (idnr(text).status !== 'valid') {
          throw validationError('body.query', 'is not a valid national id (fødselsnummer or d-nummer)');
        }
        try {
          const found = await this.lookup(principal, text);
          return { persons: [{ id: found.id, givenName: found.givenName, familyName: found.familyName, nationalId: found.nationalId ?? text, office: found.office }], truncated: false };
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found') {
            return { persons: [], truncated: false };
          }
          throw error;
        }
      }
      const words = text.split(/\s+/).filter((w) => w.length > 0).slice(0, 5);
      const states = await repo.searchByName(db, advisor.offices, words, protectedReach(advisor.rights), SEARCH_LIMIT + 1);
      // The database already left out whom the advisor may not reach; the policy stays the judge.
      const reachable = states.filter((state) => canReachPerson(principal, state));
      const names = await repo.getOfficeNames(db, reachable.map((state) => state.officeId));
      return {
        persons: reachable.slice(0, SEARCH_LIMIT).map((s) => ({
          id: s.id,
          givenName: s.givenName,
          familyName: s.familyName,
          nationalId: s.nationalId,
          office: { id: s.officeId, name: names.get(s.officeId) ?? null },
        })),
        truncated: reachable.length > SEARCH_LIMIT,
      };
    },
  };
}

export type PersonService = ReturnType<typeof createPersonService>;
