import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from './verify.ts';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'aktivitetsplan';
const T0 = 1_800_000_000;

/** A verifier on a clock the test moves, and a way to sign tokens for it. */
async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'k1';
  const publicJwk = { ...(await exportJWK(publicKey)), kid };
  let seconds = T0;
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    localKeys: { kid, publicJwk, privateJwk: {}, privateKey },
    now: () => new Date(seconds * 1000),
  });
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ iss: ISSUER, aud: AUDIENCE, role: 'citizen', pid: '12345678901', acr: 'idporten-loa-high', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
  return { verifier, sign, setClock: (s: number) => void (seconds = s) };
}

describe('the token verifier remembers a verification, never beyond what the token allows', () => {
  it('answers a token again from memory, and refuses it from the moment it expires', async () => {
    const { verifier, sign, setClock } = await setup();
    const token = await sign({ exp: T0 + 30 });
    const first = await verifier.verifyWithExpiry(token);
    expect(first.principal).toMatchObject({ kind: 'citizen', nationalId: '12345678901' });
    setClock(T0 + 29);
    expect(await verifier.verifyWithExpiry(token)).toEqual(first);
    setClock(T0 + 30);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unauthenticated', message: 'The login has expired' });
  });

  it('checks a token again when the clock is before the moment it was verified (not-before)', async () => {
    const { verifier, sign, setClock } = await setup();
    const token = await sign({ exp: T0 + 3600, nbf: T0 + 10 });
    setClock(T0 + 20);
    await verifier.verify(token);
    setClock(T0 + 5);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a tampered copy of a remembered token, and still accepts the token after a minute', async () => {
    const { verifier, sign, setClock } = await setup();
    const token = await sign({ exp: T0 + 3600 });
    await verifier.verify(token);
    // A tampered copy is another string: checked on its own.
    const [h, p, s] = token.split('.') as [string, string, string];
    await expect(verifier.verify(`${h}.${p}.${s.slice(0, -2)}AA`)).rejects.toMatchObject({ code: 'unauthenticated' });
    setClock(T0 + 61);
    expect((await verifier.verify(token)).kind).toBe('citizen');
  });
});
