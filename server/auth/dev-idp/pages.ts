import { PERSONAS, type Persona } from '#server/dev/personas.ts';
import type { LoginOutcome } from './accounts.ts';

/**
 * Server-rendered pages of the development identity provider: plain HTML with inline styles and no
 * scripts or external assets, so it works offline and passes an accessibility check on its own.
 * Bokmål first, English below (a tool for developers and testers).
 */

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; color: #23262a; background: #f7f7f7; line-height: 1.5; }
  main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
  .en { color: #494f57; margin-top: 0; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { margin: 0 0 .75rem; }
  button { font: inherit; font-weight: 600; padding: .5rem 1rem; border: 2px solid #0067c5; border-radius: 4px;
    background: #0067c5; color: #fff; cursor: pointer; min-height: 2.75rem; }
  button.secondary { background: #fff; color: #0067c5; }
  button:focus-visible, input:focus-visible { outline: 3px solid #23262a; outline-offset: 2px; }
  .desc { display: block; color: #494f57; font-size: .95rem; }
  label { display: block; font-weight: 600; }
  input { font: inherit; padding: .5rem; border: 1px solid #6a6a6a; border-radius: 4px; width: 100%; max-width: 16rem;
    margin: .25rem 0 .75rem; }
  input[aria-invalid="true"] { border: 2px solid #c30000; }
  .error { border: 2px solid #c30000; background: #fff; padding: .75rem 1rem; border-radius: 4px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

type Problem = Extract<LoginOutcome, { problem: string }>['problem'];

const PROBLEMS: Record<Problem, { nb: string; en: string }> = {
  unknown_persona: { nb: 'Fant ikke testpersonen.', en: 'No such test person.' },
  invalid_national_id: {
    nb: 'Fødselsnummeret må ha 11 siffer og gyldige kontrollsiffer.',
    en: 'The national id must have 11 digits with valid check digits.',
  },
  unknown_person: { nb: 'Ingen person med dette fødselsnummeret er kjent.', en: 'No known person has this national id.' },
  register_unavailable: { nb: 'Personregisteret svarer ikke. Prøv igjen.', en: 'The person register does not answer. Try again.' },
};

const GROUPS: Array<{ role: Persona['role']; nb: string; en: string }> = [
  { role: 'citizen', nb: 'Innbyggere', en: 'Citizens' },
  { role: 'advisor', nb: 'Veiledere', en: 'Advisors' },
  { role: 'employer', nb: 'Arbeidsgivere', en: 'Employers' },
];

function personaName(persona: Persona): string {
  return persona.role === 'advisor' ? `${persona.name} (${persona.ident})` : `${persona.givenName} ${persona.familyName}`;
}

/** The persona picker and the national-id form; `problem` explains why the last attempt failed. */
export function renderLoginPage(options: { action: string; problem?: Problem; typedNationalId?: string }): string {
  const problem = options.problem ? PROBLEMS[options.problem] : undefined;
  const idProblem = problem && options.problem !== 'unknown_persona';
  const groups = GROUPS.map((group) => {
    const items = PERSONAS.filter((p) => p.role === group.role)
      .map((p) => {
        const descId = `desc-${escapeHtml(p.key)}`;
        return `<li><button type="submit" name="persona" value="${escapeHtml(p.key)}" aria-describedby="${descId}">${escapeHtml(personaName(p))}</button>
<span class="desc" id="${descId}" lang="en">${escapeHtml(p.description)}</span></li>`;
      })
      .join('\n');
    return `<h2>${group.nb} <span lang="en">/ ${group.en}</span></h2>\n<ul>\n${items}\n</ul>`;
  }).join('\n');

  const errorBox = problem
    ? `<div class="error" role="alert" id="login-error"><p>${escapeHtml(problem.nb)}</p><p lang="en">${escapeHtml(problem.en)}</p></div>`
    : '';
  return page(
    'Logg inn – testpersoner',
    `<h1>Logg inn som testperson</h1>
<p class="en" lang="en">Log in as a test person. Development identity provider: never use it in production.</p>
${errorBox}
<form method="post" action="${escapeHtml(options.action)}">
${groups}
</form>
<h2>Annen innbygger <span lang="en">/ Another citizen</span></h2>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<label for="nationalId">Fødselsnummer eller d-nummer <span lang="en">/ National id</span></label>
<input id="nationalId" name="nationalId" inputmode="numeric" autocomplete="off" maxlength="13"
  value="${escapeHtml(options.typedNationalId ?? '')}"${idProblem ? ' aria-invalid="true" aria-describedby="login-error"' : ''}>
<div><button type="submit" class="secondary">Logg inn som innbygger <span lang="en">/ Log in as citizen</span></button></div>
</form>`,
  );
}

export function renderErrorPage(out: Record<string, unknown>): string {
  const description = typeof out.error_description === 'string' ? out.error_description : String(out.error ?? 'error');
  return page(
    'Innloggingen feilet',
    `<h1>Innloggingen feilet</h1>
<p class="en" lang="en">The login failed.</p>
<div class="error" role="alert"><p lang="en">${escapeHtml(description)}</p></div>`,
  );
}

/** The provider's logout confirmation; `form` is its own hidden form (id op.logoutForm). */
export function renderLogoutPage(form: string): string {
  return page(
    'Logg ut',
    `<h1>Logg ut av testinnloggingen?</h1>
<p class="en" lang="en">Log out of the development identity provider?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Logg ut <span lang="en">/ Log out</span></button>
<button type="submit" form="op.logoutForm" class="secondary">Bli innlogget <span lang="en">/ Stay logged in</span></button>`,
  );
}
