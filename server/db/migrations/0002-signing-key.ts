/**
 * Keys of the development identity provider, kept in the database so that several app instances
 * on one PostgreSQL share one issuer (docs/architecture.md, Auth).
 */
export const up = /* sql */ `
  create table signing_key (
    kid text primary key,
    "privateJwk" jsonb not null,
    "createdAt" timestamptz not null default now()
  );
`;
