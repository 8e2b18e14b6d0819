/**
 * The language an advisor chose in the page, kept across sessions and devices. A citizen's choice
 * is person.language, which is also the language NAV writes to them in (advance notices, e-mail).
 */
export const up = /* sql */ `
  create table advisor_preference (
    ident text primary key,
    language text not null check (language in ('nb', 'nn', 'en')),
    "updatedAt" timestamptz not null
  );
`;
