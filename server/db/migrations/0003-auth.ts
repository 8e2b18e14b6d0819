/**
 * Login state. The development identity provider keeps its grants, codes, interactions and its own
 * sessions in `oidc_grant_state` and its cookie-signing keys in `oidc_secret`, so that several app
 * instances on one PostgreSQL act as one issuer. `pending_auth_request` holds state, nonce and PKCE
 * verifier between /auth/login and /auth/callback; `web_session` is the server-side web session.
 * All four are changeable by design (rows expire and are cleaned up), so none is append-only.
 */
export const up = /* sql */ `
  create table oidc_grant_state (
    model text not null,
    id text not null,
    payload jsonb not null,
    "grantId" text,
    "userCode" text,
    uid text,
    "expiresAt" timestamptz,
    "consumedAt" timestamptz,
    primary key (model, id)
  );
  create index oidc_grant_state_grant_idx on oidc_grant_state ("grantId") where "grantId" is not null;
  create index oidc_grant_state_uid_idx on oidc_grant_state (model, uid) where uid is not null;
  create index oidc_grant_state_user_code_idx on oidc_grant_state (model, "userCode") where "userCode" is not null;
  create index oidc_grant_state_expires_idx on oidc_grant_state ("expiresAt");

  create table oidc_secret (
    name text primary key,
    value jsonb not null,
    "createdAt" timestamptz not null default now()
  );

  create table pending_auth_request (
    state text primary key,
    nonce text not null,
    "codeVerifier" text not null,
    "returnTo" text not null,
    "expiresAt" timestamptz not null
  );
  create index pending_auth_request_expires_idx on pending_auth_request ("expiresAt");

  create table web_session (
    -- SHA-256 of the cookie value: a copy of this table does not let anyone take over a session.
    id text primary key,
    principal jsonb not null,
    "displayName" text,
    "csrfToken" text not null,
    -- Kept for the issuer's logout (id_token_hint); never logged.
    "idToken" text,
    "createdAt" timestamptz not null,
    "lastSeenAt" timestamptz not null,
    "idleExpiresAt" timestamptz not null,
    "absoluteExpiresAt" timestamptz not null,
    "endedAt" timestamptz,
    "endReason" text check ("endReason" in ('LOGOUT', 'REPLACED'))
  );
  create index web_session_absolute_expires_idx on web_session ("absoluteExpiresAt");
`;
