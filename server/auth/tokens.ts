import { SignJWT } from 'jose';
import type { AdvisorRight } from './principal.ts';
import { SIGNING_ALG, type SigningKeys } from './keys.ts';

/** The claims our issuers put in access tokens, by role (docs/architecture.md, Auth). */
export type TokenClaims =
  | { role: 'citizen'; pid: string; acr: 'idporten-loa-high' | 'idporten-loa-substantial' }
  | { role: 'advisor'; NAVident: string; name: string; offices: string[]; rights: AdvisorRight[] }
  | { role: 'employer'; pid: string; acr: 'idporten-loa-high' | 'idporten-loa-substantial'; organisations: string[] }
  | { role: 'system'; client_id: string; scope: string };

export interface MintOptions {
  issuer: string;
  audience: string;
  subject: string;
  ttlSeconds?: number;
  now?: Date;
}

/** Signs an access token with the development identity provider's key (tests, scripts, benchmark). */
export async function mintAccessToken(keys: SigningKeys, claims: TokenClaims, options: MintOptions): Promise<string> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600))
    .sign(keys.privateKey);
}
