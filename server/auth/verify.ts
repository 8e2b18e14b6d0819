import { JwtError, localKeyResolver, remoteKeyResolver, verifyJwt, type KeyResolver } from './jwt.ts';
import { z } from 'zod';
import { AppError } from '#common/errors.ts';
import type { AdvisorRight, Principal } from './principal.ts';
import type { SigningKeys } from './keys.ts';

const RIGHTS = ['PROTECTED_ADDRESS_STRICT', 'PROTECTED_ADDRESS', 'NAV_EMPLOYEE'] as const satisfies readonly AdvisorRight[];

const ClaimsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('citizen'), pid: z.string().regex(/^\d{11}$/), acr: z.string().optional() }),
  z.object({
    role: z.literal('advisor'),
    NAVident: z.string().min(1).max(20),
    name: z.string().max(200).default(''),
    offices: z.array(z.string().min(1).max(10)).max(200),
    rights: z.array(z.enum(RIGHTS)).default([]),
  }),
  z.object({
    role: z.literal('employer'),
    pid: z.string().regex(/^\d{11}$/),
    organisations: z.array(z.string().regex(/^\d{9}$/)).max(200),
  }),
  z.object({ role: z.literal('system'), client_id: z.string().min(1), scope: z.string().default('') }),
]);

export function principalFromClaims(payload: Record<string, unknown>): Principal {
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('unauthenticated', 'The token does not carry the claims this service needs');
  }
  const c = parsed.data;
  switch (c.role) {
    case 'citizen':
      return { kind: 'citizen', nationalId: c.pid, highAssurance: c.acr === 'idporten-loa-high' || c.acr === 'Level4' };
    case 'advisor':
      return { kind: 'advisor', ident: c.NAVident, name: c.name, offices: c.offices, rights: c.rights };
    case 'employer':
      return { kind: 'employer', nationalId: c.pid, organisations: c.organisations };
    case 'system':
      return { kind: 'system', clientId: c.client_id, scopes: c.scope.split(' ').filter(Boolean) };
  }
}

/** How long, and for how many tokens, a verification is remembered. */
const VERIFIED_CACHE_MS = 60_000;
const VERIFIED_CACHE_ENTRIES = 20_000;

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
  /** As verify, with the moment the token expires (a live stream ends then). */
  verifyWithExpiry(token: string): Promise<{ principal: Principal; expiresAt: Date }>;
}

/**
 * Validates Bearer JWTs: signature against the issuer's keys (the local key set for the built-in
 * identity provider, the remote JWKS otherwise), issuer, audience and expiry.
 */
export function createTokenVerifier(options: {
  issuer: string;
  audience: string;
  localKeys?: SigningKeys;
  jwksUrl?: string;
  now?: () => Date;
}): TokenVerifier {
  let keys: KeyResolver;
  if (options.localKeys) {
    keys = localKeyResolver([options.localKeys.publicJwk]);
  } else if (options.jwksUrl) {
    keys = remoteKeyResolver(options.jwksUrl);
  } else {
    throw new Error('a token verifier needs local keys or a JWKS URL');
  }
  const now = options.now ?? (() => new Date());
  // Every request of a page carries the same token: its signature and claims are checked once and
  // the answer kept for a minute (never past the token's expiry), in a bounded cache. A key the
  // issuer withdraws stops being accepted within that minute.
  const verified = new Map<string, { result: { principal: Principal; expiresAt: Date }; from: number; until: number }>();
  async function verifyWithExpiry(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    const at = now().getTime();
    const hit = verified.get(token);
    if (hit && at >= hit.from && at < hit.until) {
      return hit.result;
    }
    const result = await verifyAndRead(token);
    if (verified.size >= VERIFIED_CACHE_ENTRIES) {
      verified.delete(verified.keys().next().value!);
    }
    verified.set(token, { result, from: at, until: Math.min(result.expiresAt.getTime(), at + VERIFIED_CACHE_MS) });
    return result;
  }
  async function verifyAndRead(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    let payload: Record<string, unknown>;
    try {
      payload = await verifyJwt(token, keys, { issuer: options.issuer, audience: options.audience, now: Math.floor(now().getTime() / 1000) });
    } catch (error) {
      if (error instanceof JwtError && error.reason === 'expired') {
        throw new AppError('unauthenticated', 'The login has expired');
      }
      throw new AppError('unauthenticated', 'The token is not valid');
    }
    // verifyJwt has checked that exp is a number.
    return { principal: principalFromClaims(payload), expiresAt: new Date((payload.exp as number) * 1000) };
  }
  return {
    verifyWithExpiry,
    async verify(token: string): Promise<Principal> {
      return (await verifyWithExpiry(token)).principal;
    },
  };
}
