import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { findPersona } from '#server/dev/personas.ts';
import type { SigningKeys } from '../keys.ts';
import { mintAccessToken } from '../tokens.ts';
import { accountForPersona, citizenAccount, isNationalId, type DevAccount, type PersonLookup } from './accounts.ts';

/**
 * Minting for the token command and the dev token endpoint: the same claims and subject as a login
 * at the development identity provider, signed with the same key, so the API cannot tell them apart.
 */
export interface MintedToken {
  subject: string;
  role: DevAccount['claims']['role'];
  /** The person table's id, when the token is for a seeded person. */
  personId?: string;
  accessToken: string;
}

export class UnknownSubjectError extends Error {}

export async function mintForSubject(
  keys: SigningKeys,
  config: Config,
  subject: string,
  options: { ttlSeconds: number; lookup: PersonLookup; requireKnown: boolean; now?: Date },
): Promise<MintedToken> {
  const account = await resolveSubject(subject, options.lookup, options.requireKnown);
  const accessToken = await mint(keys, config, account, options.ttlSeconds, options.now);
  return { subject: account.accountId, role: account.claims.role, accessToken };
}

/** One citizen token for each of the first `count` persons of the person table, in a fixed order. */
export async function mintForSeeded(
  keys: SigningKeys,
  config: Config,
  db: Db,
  options: { count: number; ttlSeconds: number; now?: Date },
): Promise<MintedToken[]> {
  const rows = await db.selectFrom('person').select(['id', 'nationalId']).orderBy('nationalId').limit(options.count).execute();
  const tokens: MintedToken[] = [];
  for (const row of rows) {
    const account = citizenAccount(row.nationalId, null);
    tokens.push({ subject: account.accountId, role: 'citizen', personId: row.id, accessToken: await mint(keys, config, account, options.ttlSeconds, options.now) });
  }
  return tokens;
}

async function resolveSubject(subject: string, lookup: PersonLookup, requireKnown: boolean): Promise<DevAccount> {
  const persona = findPersona(subject);
  if (persona) {
    return accountForPersona(persona);
  }
  if (!isNationalId(subject)) {
    throw new UnknownSubjectError('subject: give a persona key or a valid national id (11 digits)');
  }
  const known = await lookup(subject);
  if (!known && requireKnown) {
    throw new UnknownSubjectError('subject: no known person has this national id');
  }
  return citizenAccount(subject, known?.displayName ?? null);
}

function mint(keys: SigningKeys, config: Config, account: DevAccount, ttlSeconds: number, now?: Date): Promise<string> {
  const { issuer, audience } = config.oidc;
  return mintAccessToken(keys, account.claims, { issuer, audience, subject: account.accountId, ttlSeconds, ...(now ? { now } : {}) });
}
