import * as oidc from 'openid-client';
import type { Config } from '#server/config.ts';

/**
 * The web app as an OpenID Connect client of the issuer (the development identity provider or a
 * real one): authorization code flow with PKCE, state and nonce, and the ID token validated by
 * openid-client. Discovery happens at first use, because with the built-in provider the issuer is
 * this very app, which is not listening yet while it is being built.
 */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CompletedLogin {
  claims: Record<string, unknown>;
  idToken: string | null;
}

export interface OidcClient {
  newChecks(): LoginChecks;
  authorizationUrl(checks: LoginChecks): Promise<URL>;
  /** Exchanges the code at the token endpoint and validates the ID token against the checks. */
  completeLogin(callbackUrl: URL, checks: LoginChecks): Promise<CompletedLogin>;
  /** The issuer's logout URL, when it has one. */
  endSessionUrl(idToken: string | null): Promise<string | null>;
}

export function createOidcClient(config: Config): OidcClient {
  const { issuer, clientId, clientSecret, devIdp } = config.oidc;
  const redirectUri = `${config.publicUrl}/auth/callback`;
  let discovered: Promise<oidc.Configuration> | null = null;

  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(new URL(issuer), clientId, { client_secret: clientSecret }, oidc.ClientSecretBasic(clientSecret), {
        // Plain http is only ever the local development issuer; real issuers are https.
        execute: issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        // Try again on the next login rather than remembering a failure for the process lifetime.
        discovered = null;
        throw error;
      });
    return discovered;
  };

  return {
    newChecks: () => ({ state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() }),

    async authorizationUrl(checks) {
      const parameters: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: 'openid',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (devIdp) {
        // The persona picker every time: switching persona must not need a logout at the issuer.
        parameters.prompt = 'login';
      }
      return oidc.buildAuthorizationUrl(await configuration(), parameters);
    },

    async completeLogin(callbackUrl, checks) {
      const tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      return { claims: { ...(tokens.claims() ?? {}) }, idToken: tokens.id_token ?? null };
    },

    async endSessionUrl(idToken) {
      const server = (await configuration()).serverMetadata();
      if (!server.end_session_endpoint) {
        return null;
      }
      const parameters: Record<string, string> = { post_logout_redirect_uri: `${config.publicUrl}/`, client_id: clientId };
      if (idToken) {
        parameters.id_token_hint = idToken;
      }
      return oidc.buildEndSessionUrl(await configuration(), parameters).href;
    },
  };
}
