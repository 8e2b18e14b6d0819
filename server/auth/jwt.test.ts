import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { localKeyResolver, verifyJwt } from './jwt.ts';

const NOW = 1_800_000_000;
const options = { issuer: 'https://issuer.test', audience: 'aktivitetsplan', now: NOW };

async function keyPair(alg: 'RS256' | 'PS256' | 'ES256', kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid };
  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT({ iss: options.issuer, aud: options.audience, exp: NOW + 60, ...claims }).setProtectedHeader({ alg, kid, ...header }).sign(privateKey);
  return { jwk, sign };
}

describe('verifyJwt', () => {
  it.each(['RS256', 'PS256', 'ES256'] as const)('accepts a valid %s token and returns its claims', async (alg) => {
    const { jwk, sign } = await keyPair(alg, 'k1');
    const payload = await verifyJwt(await sign({ role: 'system' }), localKeyResolver([jwk]), options);
    expect(payload.role).toBe('system');
  });

  it('refuses tampering, unknown keys, algorithm tricks and bad claims', async () => {
    const rsa = await keyPair('RS256', 'k1');
    const other = await keyPair('RS256', 'k2');
    const keys = localKeyResolver([rsa.jwk]);
    const good = await rsa.sign({ pid: '1' });
    const [h, p, s] = good.split('.') as [string, string, string];
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), pid: '2' })).toString('base64url')}.${s}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${p}.`;
    const hs = `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'k1' })).toString('base64url')}.${p}.${s}`;
    const cases: [string, string][] = [
      [tampered, 'signature'],
      [await other.sign({}), 'unknown_key'],
      [await other.sign({}, { kid: 'k1' }), 'signature'],
      [none, 'malformed'],
      [hs, 'malformed'],
      ['a.b', 'malformed'],
      [await rsa.sign({ exp: NOW - 1 }), 'expired'],
      [await rsa.sign({ nbf: NOW + 120 }), 'claims'],
      [await rsa.sign({ iss: 'https://evil.test' }), 'claims'],
      [await rsa.sign({ aud: 'someone-else' }), 'claims'],
      [await rsa.sign({ exp: undefined }), 'claims'],
    ];
    for (const [token, reason] of cases) {
      await expect(verifyJwt(token, keys, options)).rejects.toMatchObject({ reason });
    }
    const es = await keyPair('ES256', 'k1');
    await expect(verifyJwt(await es.sign({}, { alg: 'ES256' }), keys, options)).rejects.toMatchObject({ reason: 'signature' });
  });
});
