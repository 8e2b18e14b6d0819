import Provider, { errors, type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';
import type { Db } from '#server/db/database.ts';
import type { SigningKeys } from '../keys.ts';
import { findDevAccount, type PersonLookup } from './accounts.ts';
import { createDbAdapterFactory } from './adapter.ts';
import { renderErrorPage, renderLogoutPage } from './pages.ts';

/**
 * The development identity provider (oidc-provider) configured like the real issuers we meet in
 * production: JWT access tokens for one audience with the role claims of TokenClaims, ID tokens
 * with the same claims, a confidential web client (authorization code + PKCE) and a client for
 * systems (client credentials). Storage, signing key and cookie keys come from the database.
 */

/** The client that other systems use in development and tests (client credentials). */
export const DEV_SYSTEM_CLIENT = {
  clientId: 'aktivitetsplan-dev-system',
  clientSecret: 'dev-only-system-client-secret',
} as const;

/** What a system token may be allowed to do; a system asks for some of these with `scope`. */
export const SYSTEM_SCOPES = ['activity-cards:write', 'events:read'] as const;

/**
 * Claims the ID token carries beyond `sub`: the access token's, plus a display name. `acr` is the
 * level of assurance of the login itself (citizens need idporten-loa-high); listing it under the
 * openid scope puts it in every ID token instead of only when a client asks for it.
 */
const ROLE_CLAIMS = ['role', 'pid', 'acr', 'NAVident', 'name', 'offices', 'rights', 'organisations'];

const TOKEN_TTL_SECONDS = 3600;

export interface DevProviderOptions {
  issuer: string;
  publicUrl: string;
  audience: string;
  webClient: { clientId: string; clientSecret: string };
  signingKeys: SigningKeys;
  cookieKeys: string[];
  db: Db;
  lookup: PersonLookup;
  /** Where the provider sends the browser to log in: the interaction page under the mount path. */
  interactionPath: string;
}

/** The resource indicator of our API; tokens for it carry `aud` = the configured audience. */
export function apiResourceIndicator(publicUrl: string): string {
  return `${publicUrl}/api`;
}

export function createDevProvider(options: DevProviderOptions): Provider {
  const apiResource = apiResourceIndicator(options.publicUrl);
  const accepted = new Set([apiResource, options.audience]);

  const configuration: Configuration = {
    adapter: createDbAdapterFactory(options.db),
    // The same key the token command and tests sign with (jose's JWK type; the same JSON shape).
    jwks: { keys: [options.signingKeys.privateJwk as JWK] },
    cookies: { keys: options.cookieKeys },
    clients: [
      {
        client_id: options.webClient.clientId,
        client_secret: options.webClient.clientSecret,
        redirect_uris: [`${options.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${options.publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: DEV_SYSTEM_CLIENT.clientId,
        client_secret: DEV_SYSTEM_CLIENT.clientSecret,
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
        scope: SYSTEM_SCOPES.join(' '),
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', ...SYSTEM_SCOPES],
    claims: { sid: null, auth_time: null, iss: null, openid: ['sub', ...ROLE_CLAIMS] },
    acrValues: ['idporten-loa-high', 'idporten-loa-substantial'],
    // The role claims belong in the ID token even for the code flow: the web session is built from it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: (ctx, form) => void (ctx.body = renderLogoutPage(form)) },
      resourceIndicators: {
        enabled: true,
        // Clients need not name the API: every token is for it unless they ask for something else.
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (!accepted.has(indicator)) {
            throw new errors.InvalidTarget('unknown resource indicator');
          }
          return {
            scope: SYSTEM_SCOPES.join(' '),
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: TOKEN_TTL_SECONDS,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: async (_ctx, sub) => {
      const account = await findDevAccount(sub, options.lookup);
      if (!account) {
        return undefined;
      }
      return {
        accountId: account.accountId,
        claims: () => {
          const { acr: _acr, ...rest } = account.claims as Record<string, unknown>;
          return { sub: account.accountId, ...rest, ...(account.displayName ? { name: account.displayName } : {}) };
        },
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind === 'ClientCredentials') {
        return { role: 'system' };
      }
      const account = token.accountId ? await findDevAccount(token.accountId, options.lookup) : null;
      return account ? { ...account.claims } : undefined;
    },
    loadExistingGrant,
    interactions: { url: (_ctx, interaction) => `${options.interactionPath}/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage({ ...out });
    },
    ttl: {
      AccessToken: TOKEN_TTL_SECONDS,
      ClientCredentials: TOKEN_TTL_SECONDS,
      IdToken: TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 12 * 3600,
      Grant: 12 * 3600,
    },
  };

  const provider = new Provider(options.issuer, configuration);
  // Behind a TLS-terminating proxy the provider must trust X-Forwarded-Proto to build https URLs.
  provider.proxy = options.publicUrl.startsWith('https:');
  return provider;
}

/**
 * Every client here is our own, so there is no consent screen: the grant covers whatever was asked
 * for. An earlier grant of the same IdP session is extended rather than replaced.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const client = oidc.client;
  const accountId = oidc.session?.accountId;
  if (!client || !accountId) {
    return undefined;
  }
  const existingId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
  const grant = (existingId ? await oidc.provider.Grant.find(existingId) : undefined) ?? new oidc.provider.Grant({ clientId: client.clientId, accountId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
    const scopes = [...oidc.requestParamScopes].filter((s) => server.scopes.has(s));
    if (scopes.length > 0) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  await grant.save();
  return grant;
}
