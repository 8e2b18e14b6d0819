import { createPublicKey, constants, verify as verifySignature, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * JWT signature and claim checks on node:crypto. jose goes through WebCrypto, which cost about
 * three times as much CPU per RS256 verification here (bench/README.md); this file does only
 * what a resource server needs: a fixed list of algorithms, the key chosen by `kid` and matched
 * to the algorithm, and issuer, audience, expiry and not-before.
 */
export type JwtAlgorithm = 'RS256' | 'PS256' | 'ES256';
const ALGORITHMS = new Set<string>(['RS256', 'PS256', 'ES256']);

export class JwtError extends Error {
  constructor(readonly reason: 'malformed' | 'signature' | 'claims' | 'expired' | 'unknown_key') {
    super(`token refused: ${reason}`);
  }
}

export interface KeyResolver {
  /** The public key for a key id, or undefined when the issuer has no such key. */
  get(kid: string | undefined): Promise<KeyObject | undefined>;
}

function keyObject(jwk: JWK): KeyObject {
  return createPublicKey({ key: jwk as never, format: 'jwk' });
}

export function localKeyResolver(keys: JWK[]): KeyResolver {
  const byKid = new Map(keys.map((k) => [k.kid, keyObject(k)]));
  const only = keys.length === 1 ? byKid.values().next().value : undefined;
  return { get: async (kid) => (kid === undefined ? only : byKid.get(kid)) };
}

/** Fetches the issuer's JWKS; refreshes after ten minutes, or at most every 30 s for an unknown kid. */
export function remoteKeyResolver(url: string, now: () => number = Date.now): KeyResolver {
  let keys = new Map<string | undefined, KeyObject>();
  let fetchedAt = -Infinity;
  let pending: Promise<void> | null = null;
  async function refresh(): Promise<void> {
    pending ??= (async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) {
          throw new Error(`JWKS answered ${response.status}`);
        }
        const body = (await response.json()) as { keys?: JWK[] };
        keys = new Map((body.keys ?? []).filter((k) => k.use === undefined || k.use === 'sig').map((k) => [k.kid, keyObject(k)]));
        fetchedAt = now();
      } finally {
        pending = null;
      }
    })();
    return pending;
  }
  return {
    async get(kid) {
      const age = now() - fetchedAt;
      if (age > 600_000 || (!keys.has(kid) && age > 30_000)) {
        await refresh();
      }
      return keys.get(kid) ?? (kid === undefined && keys.size === 1 ? keys.values().next().value : undefined);
    },
  };
}

function decodePart(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JwtError('malformed');
  }
  return value as Record<string, unknown>;
}

function signatureValid(alg: JwtAlgorithm, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  switch (alg) {
    case 'RS256':
      return key.asymmetricKeyType === 'rsa' && verifySignature('sha256', data, key, signature);
    case 'PS256':
      return (
        (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') &&
        verifySignature('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
      );
    case 'ES256':
      return (
        key.asymmetricKeyType === 'ec' &&
        key.asymmetricKeyDetails?.namedCurve === 'prime256v1' &&
        verifySignature('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
      );
  }
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  now: number;
  clockToleranceSeconds?: number;
}

/** Verifies a compact JWS and its registered claims; returns the payload. */
export async function verifyJwt(token: string, keys: KeyResolver, options: VerifyOptions): Promise<Record<string, unknown>> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) {
    throw new JwtError('malformed');
  }
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodePart(parts[0]);
    payload = decodePart(parts[1]);
  } catch {
    throw new JwtError('malformed');
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || !ALGORITHMS.has(alg) || header.crit !== undefined) {
    throw new JwtError('malformed');
  }
  const key = await keys.get(typeof header.kid === 'string' ? header.kid : undefined);
  if (!key) {
    throw new JwtError('unknown_key');
  }
  const data = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  if (!signatureValid(alg as JwtAlgorithm, key, data, Buffer.from(parts[2], 'base64url'))) {
    throw new JwtError('signature');
  }
  const tolerance = options.clockToleranceSeconds ?? 0;
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.iss !== options.issuer || !audiences.includes(options.audience)) {
    throw new JwtError('claims');
  }
  if (typeof payload.exp !== 'number' || (payload.nbf !== undefined && typeof payload.nbf !== 'number')) {
    throw new JwtError('claims');
  }
  if (payload.exp <= options.now - tolerance) {
    throw new JwtError('expired');
  }
  if (typeof payload.nbf === 'number' && payload.nbf > options.now + tolerance) {
    throw new JwtError('claims');
  }
  return payload;
}
