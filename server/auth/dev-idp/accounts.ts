import { idnr } from '@navikt/fnrvalidator';
import type { Db } from '#server/db/database.ts';
import { findPersona, type Persona } from '#server/dev/personas.ts';
import type { PersonRegister } from '#server/registers/types.ts';
import type { TokenClaims } from '../tokens.ts';

/**
 * Who can log in at the development identity provider: every persona, and any person the person
 * table or the person register knows (as a citizen). The account id doubles as the token subject:
 * `persona:<key>` or `citizen:<national id>`.
 */
export interface DevAccount {
  accountId: string;
  claims: TokenClaims;
  displayName: string | null;
}

/** Name of a person the app or the person register knows, or null for nobody. */
export type PersonLookup = (nationalId: string) => Promise<{ displayName: string } | null>;

export const HIGH_ASSURANCE = 'idporten-loa-high';

export function isNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && idnr(value).status === 'valid';
}

export function accountForPersona(persona: Persona): DevAccount {
  const accountId = `persona:${persona.key}`;
  switch (persona.role) {
    case 'citizen':
      return {
        accountId,
        claims: { role: 'citizen', pid: persona.nationalId, acr: HIGH_ASSURANCE },
        displayName: `${persona.givenName} ${persona.familyName}`,
      };
    case 'advisor':
      return {
        accountId,
        claims: { role: 'advisor', NAVident: persona.ident, name: persona.name, offices: persona.offices, rights: persona.rights },
        displayName: persona.name,
      };
    case 'employer':
      return {
        accountId,
        claims: { role: 'employer', pid: persona.nationalId, acr: HIGH_ASSURANCE, organisations: persona.organisations },
        displayName: `${persona.givenName} ${persona.familyName}`,
      };
  }
}

export function citizenAccount(nationalId: string, displayName: string | null): DevAccount {
  return { accountId: `citizen:${nationalId}`, claims: { role: 'citizen', pid: nationalId, acr: HIGH_ASSURANCE }, displayName };
}

/** The account behind a subject stored by the provider; null when it no longer resolves. */
export async function findDevAccount(accountId: string, lookup: PersonLookup): Promise<DevAccount | null> {
  const [kind, value = ''] = splitOnce(accountId, ':');
  if (kind === 'persona') {
    const persona = findPersona(value);
    return persona ? accountForPersona(persona) : null;
  }
  if (kind === 'citizen' && isNationalId(value)) {
    // The name is only for display: a register that is down must not stop a token being issued.
    const known = await lookup(value).catch(() => null);
    return citizenAccount(value, known?.displayName ?? null);
  }
  return null;
}

export type LoginOutcome = { account: DevAccount } | { problem: 'unknown_persona' | 'invalid_national_id' | 'unknown_person' | 'register_unavailable' };

/**
 * The login page's choice: a persona key, or a national id typed in. A typed id must belong to a
 * person the app or the person register knows, so that a typo does not create a stranger.
 */
export async function resolveLogin(choice: { persona?: string; nationalId?: string }, lookup: PersonLookup): Promise<LoginOutcome> {
  if (choice.persona) {
    const persona = findPersona(choice.persona);
    return persona ? { account: accountForPersona(persona) } : { problem: 'unknown_persona' };
  }
  const nationalId = (choice.nationalId ?? '').replace(/\s/g, '');
  if (!isNationalId(nationalId)) {
    return { problem: 'invalid_national_id' };
  }
  try {
    const known = await lookup(nationalId);
    return known ? { account: citizenAccount(nationalId, known.displayName) } : { problem: 'unknown_person' };
  } catch {
    return { problem: 'register_unavailable' };
  }
}

/**
 * Looks in the person table first (no HTTP), then asks the person register. Errors of the register
 * propagate so the caller can tell "unknown" from "could not ask".
 */
export function createPersonLookup(db: Db, register: PersonRegister | undefined): PersonLookup {
  return async (nationalId) => {
    const row = await db.selectFrom('person').select(['givenName', 'familyName']).where('nationalId', '=', nationalId).executeTakeFirst();
    if (row) {
      return { displayName: `${row.givenName} ${row.familyName}` };
    }
    const record = register ? await register.lookup(nationalId) : null;
    return record ? { displayName: `${record.givenName} ${record.familyName}` } : null;
  };
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}
