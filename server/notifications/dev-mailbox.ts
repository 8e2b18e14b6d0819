import type { FastifyInstance } from 'fastify';
import type { MailboxContent, NotificationSinks } from './dev-sinks.ts';

/**
 * The development mailbox: what the local mail and SMS sinks received, newest first, as a page
 * (`/dev/mailbox`) and as JSON (`/dev/mailbox.json`, for tests). A developer's tool, mounted only
 * where the sinks run (never in production); everything received is escaped before it is shown.
 */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text with its http(s) links made clickable (the href is the same escaped text). */
function textWithLinks(value: string): string {
  return escapeHtml(value).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time>`;
}

export function renderMailbox(content: MailboxContent): string {
  const emails = content.emails
    .map(
      (m) => `<li><article aria-labelledby="e-${escapeHtml(m.id)}">
  <h3 id="e-${escapeHtml(m.id)}">${escapeHtml(m.subject || '(no subject)')}</h3>
  <dl><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>Received</dt><dd>${time(m.receivedAt)}</dd></dl>
  <pre>${textWithLinks(m.text)}</pre>
</article></li>`,
    )
    .join('\n');
  const sms = content.sms
    .map(
      (m) => `<li><article aria-label="SMS to ${escapeHtml(m.to)}">
  <dl><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>Received</dt><dd>${time(m.receivedAt)}</dd></dl>
  <pre>${textWithLinks(m.text)}</pre>
</article></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development mailbox – Aktivitetsplan</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.4; color: #23262a; }
  ul { list-style: none; padding: 0; }
  article { border: 1px solid #6f7785; border-radius: 4px; padding: 0.5rem 1rem; margin-bottom: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; background: #f2f3f5; padding: 0.5rem; }
  a { color: #0056b4; }
</style>
</head>
<body>
<main>
<h1>Development mailbox</h1>
<p>What the local mail and SMS sinks received, newest first. Reload the page to see new ones. Also as <a href="/dev/mailbox.json">JSON</a>.</p>
<section aria-labelledby="emails">
<h2 id="emails">E-mail (${content.emails.length})</h2>
${content.emails.length ? `<ul>\n${emails}\n</ul>` : '<p>No e-mail yet.</p>'}
</section>
<section aria-labelledby="sms">
<h2 id="sms">SMS (${content.sms.length})</h2>
${content.sms.length ? `<ul>\n${sms}\n</ul>` : '<p>No SMS yet.</p>'}
</section>
</main>
</body>
</html>
`;
}

export function registerDevMailbox(app: FastifyInstance, sinks: NotificationSinks): void {
  app.get('/dev/mailbox', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(renderMailbox(sinks.content())),
  );
  app.get('/dev/mailbox.json', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-store').send(sinks.content()));
}
