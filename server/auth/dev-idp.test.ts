import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersona } from '#server/dev/personas.ts';
import { loadOrCreateSigningKeys, type SigningKeys } from './keys.ts';
import { DEV_SYSTEM_CLIENT } from './dev-idp/provider.ts';
import { mintAccessToken } from './tokens.ts';
import { createTokenVerifier, type TokenVerifier } from './verify.ts';
import { Browser, startAuthTestApp, type AuthTestApp } from './session.test-helpers.ts';

let app: AuthTestApp;
let keys: SigningKeys;
let verifier: TokenVerifier;

beforeAll(async () => {
  app = await startAuthTestApp();
  keys = await loadOrCreateSigningKeys(app.server.database.db);
  verifier = createTokenVerifier({ issuer: app.config.oidc.issuer, audience: app.config.oidc.audience, localKeys: keys });
});

afterAll(async () => {
  await app?.close();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function tokenEndpoint(form: Record<string, string>, auth: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${app.config.oidc.issuer}/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function sessionWithBearer(token: string, cookie?: string) {
  const response = await fetch(`${app.url}/api/session`, { headers: { authorization: `Bearer ${token}`, ...(cookie ? { cookie } : {}) } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('tokens from the identity provider’s token endpoint', () => {
  it('issues a system token (client credentials, HTTP Basic) that the API verifies', async () => {
    const { status, body } = await tokenEndpoint(
      { grant_type: 'client_credentials', scope: 'activity-cards:write' },
      basic(DEV_SYSTEM_CLIENT.clientId, DEV_SYSTEM_CLIENT.clientSecret),
    );
    expect(status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    const principal = await verifier.verify(body.access_token);
    expect(principal).toEqual({ kind: 'system', clientId: DEV_SYSTEM_CLIENT.clientId, scopes: ['activity-cards:write'] });
    const me = await sessionWithBearer(body.access_token);
    expect(me.body).toMatchObject({ role: 'system', via: 'bearer', csrfToken: null });
  });

  it('refuses a wrong client secret', async () => {
    const { status, body } = await tokenEndpoint({ grant_type: 'client_credentials' }, basic(DEV_SYSTEM_CLIENT.clientId, 'wrong'));
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('issues a citizen access token through the code flow, with the role claims and high assurance', async () => {
    const kari = findPersona('kari');
    const browser = new Browser();
    const verifierCode = 'v'.repeat(50);
    const challenge = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifierCode))).toString('base64url');
    const authorize = new URL(`${app.config.oidc.issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: app.config.oidc.clientId,
      redirect_uri: `${app.config.publicUrl}/auth/callback`,
      response_type: 'code',
      scope: 'openid',
      state: 'test-state',
      nonce: 'test-nonce',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const page = await browser.navigate(authorize.href);
    const html = await page.response.text();
    const action = /action="([^"]+\/login)"/.exec(html)?.[1];
    expect(action).toBeDefined();

    // Follow the provider's redirects by hand and stop at the client's callback, taking the code.
    let response = await browser.request(new URL(action!, page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'persona=kari',
    });
    let location = response.headers.get('location')!;
    while (!location.includes('/auth/callback')) {
      response = await browser.request(new URL(location, app.url).href);
      location = response.headers.get('location')!;
    }
    const code = new URL(location).searchParams.get('code')!;

    const { status, body } = await tokenEndpoint(
      { grant_type: 'authorization_code', code, redirect_uri: `${app.config.publicUrl}/auth/callback`, code_verifier: verifierCode },
      basic(app.config.oidc.clientId, app.config.oidc.clientSecret),
    );
    expect(status).toBe(200);
    const principal = await verifier.verify(body.access_token);
    expect(principal).toEqual({ kind: 'citizen', nationalId: kari?.role === 'citizen' ? kari.nationalId : '', highAssurance: true });
    const header = JSON.parse(Buffer.from(body.access_token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ typ: 'at+jwt', kid: keys.kid });
    // The ID token is not an access token for the API (its audience is the client).
    await expect(verifier.verify(body.id_token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('Bearer tokens at the API', () => {
  it('refuses an expired token with 401', async () => {
    const token = await mintAccessToken(keys, { role: 'citizen', pid: '01815090000', acr: 'idporten-loa-high' }, {
      issuer: app.config.oidc.issuer,
      audience: app.config.oidc.audience,
      subject: 'persona:kari',
      ttlSeconds: 60,
      now: new Date(app.clock.now().getTime() - 2 * 3600 * 1000),
    });
    const { status, body } = await sessionWithBearer(token);
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ code: 'unauthenticated', message: 'The login has expired' });
  });

  it('refuses a token signed by another key with 401', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const stranger: SigningKeys = { kid: keys.kid, privateJwk: await exportJWK(privateKey), publicJwk: keys.publicJwk, privateKey };
    const token = await mintAccessToken(stranger, { role: 'advisor', NAVident: 'Z990001', name: 'Vera', offices: ['0219'], rights: [] }, {
      issuer: app.config.oidc.issuer,
      audience: app.config.oidc.audience,
      subject: 'persona:vera',
    });
    const { status, body } = await sessionWithBearer(token);
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it('lets the Bearer token win over a session cookie, and needs no CSRF token', async () => {
    const minted = await fetch(`${app.url}/oidc-dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'siri' }),
    });
    expect(minted.status).toBe(200);
    const { tokens } = (await minted.json()) as { tokens: Array<{ accessToken: string; role: string }> };
    const me = await sessionWithBearer(tokens[0]!.accessToken, 'sid=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(me.body).toMatchObject({ role: 'advisor', displayName: 'Siri Sikker', via: 'bearer' });

    const post = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${tokens[0]!.accessToken}` } });
    expect(post.status).toBe(200);
  });
});

describe('the dev token endpoint', () => {
  it('mints for a persona and refuses a national id nobody knows', async () => {
    const post = (body: unknown) =>
      fetch(`${app.url}/oidc-dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const vera = (await (await post({ subject: 'vera', ttlSeconds: 600 })).json()) as { expiresIn: number; tokens: Array<{ accessToken: string }> };
    expect(vera.expiresIn).toBe(600);
    expect(await verifier.verify(vera.tokens[0]!.accessToken)).toMatchObject({ kind: 'advisor', ident: 'Z990001' });

    const unknown = await post({ subject: '01010112345' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/^body\.subject/);
  });
});

describe('the token command (npm run token)', () => {
  it('asks the running app when the database is embedded, and prints a token the app accepts', async () => {
    // An empty DATA_DIR: had the command opened a database of its own, its key would not be the app's.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'token-cmd-'));
    const { DATABASE_URL: _server, ...env } = process.env;
    try {
      const { stdout } = await promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['scripts/token.ts', 'vera', '--ttl', '600'], {
        env: { ...env, NODE_ENV: 'test', PORT: String(app.config.port), PUBLIC_URL: app.config.publicUrl, DATA_DIR: dataDir },
      });
      const token = stdout.trim();
      const { status, body } = await sessionWithBearer(token);
      expect(status).toBe(200);
      expect(body).toMatchObject({ role: 'advisor', displayName: 'Vera Veileder' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
