import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Db } from '#server/db/database.ts';

export interface SigningKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  privateKey: CryptoKey | Uint8Array;
}

export const SIGNING_ALG = 'RS256';

/**
 * The development identity provider's signing key: created once and stored in the database, so
 * every app instance (and the token command) signs and verifies with the same key.
 */
export async function loadOrCreateSigningKeys(db: Db): Promise<SigningKeys> {
  let row = await db.selectFrom('signing_key').select(['kid', 'privateJwk']).orderBy('createdAt').limit(1).executeTakeFirst();
  if (!row) {
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
    const jwk = await exportJWK(privateKey);
    const kid = randomUUID();
    await db
      .insertInto('signing_key')
      .values({ kid, privateJwk: JSON.stringify({ ...jwk, kid, alg: SIGNING_ALG, use: 'sig' }) })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Another instance may have won the race: take whichever key is oldest.
    row = await db.selectFrom('signing_key').select(['kid', 'privateJwk']).orderBy('createdAt').limit(1).executeTakeFirstOrThrow();
  }
  const privateJwk = row.privateJwk as JWK;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return {
    kid: row.kid,
    privateJwk,
    publicJwk: { ...publicJwk, kid: row.kid, alg: SIGNING_ALG, use: 'sig' },
    privateKey: await importJWK(privateJwk, SIGNING_ALG),
  };
}
