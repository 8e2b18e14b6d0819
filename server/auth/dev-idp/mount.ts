import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import type { SigningKeys } from '../keys.ts';
import { resolveLogin, type PersonLookup } from './accounts.ts';
import { deleteExpiredGrantState, loadOrCreateCookieKeys } from './adapter.ts';
import { renderErrorPage, renderLoginPage } from './pages.ts';
import { createDevProvider } from './provider.ts';
import { OUTSIDE_APP_AUTH } from './route-flag.ts';

export interface DevIdpDeps {
  config: Config;
  db: Db;
  signingKeys: SigningKeys;
  lookup: PersonLookup;
}

const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Mounts the development identity provider at the issuer's path (`/oidc` by default). The provider
 * is a Koa app: Fastify hands it the raw request untouched (no body parsing, reply hijacked). The
 * login interaction is a plain Fastify route beside it, because it is our page, not the provider's.
 */
export async function mountDevIdp(app: FastifyInstance, deps: DevIdpDeps): Promise<Provider> {
  const mountPath = new URL(deps.config.oidc.issuer).pathname.replace(/\/$/, '');
  if (!mountPath) {
    throw new Error('OIDC_ISSUER: the development identity provider needs a path such as /oidc');
  }
  const interactionPath = `${mountPath}/interaction`;
  const provider = createDevProvider({
    issuer: deps.config.oidc.issuer,
    publicUrl: deps.config.publicUrl,
    audience: deps.config.oidc.audience,
    webClient: { clientId: deps.config.oidc.clientId, clientSecret: deps.config.oidc.clientSecret },
    signingKeys: deps.signingKeys,
    cookieKeys: await loadOrCreateCookieKeys(deps.db),
    db: deps.db,
    lookup: deps.lookup,
    interactionPath,
  });
  const handle = provider.callback();
  const routeOptions = { config: OUTSIDE_APP_AUTH, schema: { hide: true } };

  await app.register(async (scope) => {
    // The provider reads bodies itself (token endpoint, logout form): Fastify must not consume them.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const passThrough = (request: FastifyRequest, reply: FastifyReply): void => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      // The provider works out its mount path from originalUrl minus url, as under Express.
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '').slice(mountPath.length) || '/';
      void handle(raw, reply.raw);
    };
    scope.all(mountPath, routeOptions, passThrough);
    scope.all(`${mountPath}/*`, routeOptions, passThrough);
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get<{ Params: { uid: string } }>(`${interactionPath}/:uid`, routeOptions, async (request, reply) => {
      const details = await interactionOrNull(provider, request, reply);
      if (!details) {
        return sendHtml(reply, 400, renderErrorPage({ error_description: 'The login has expired or was already used. Start again.' }));
      }
      if (details.prompt.name === 'consent') {
        // Our clients are first-party: consent is granted without asking (see loadExistingGrant).
        return reply.redirect(await provider.interactionResult(request.raw, reply.raw, { consent: {} }), 303);
      }
      return sendHtml(reply, 200, renderLoginPage({ action: `${interactionPath}/${details.uid}/login` }));
    });

    scope.post<{ Params: { uid: string }; Body: { persona?: string; nationalId?: string } }>(
      `${interactionPath}/:uid/login`,
      routeOptions,
      async (request, reply) => {
        const details = await interactionOrNull(provider, request, reply);
        if (!details) {
          return sendHtml(reply, 400, renderErrorPage({ error_description: 'The login has expired or was already used. Start again.' }));
        }
        const choice = typeof request.body === 'object' && request.body !== null ? request.body : {};
        const outcome = await resolveLogin(choice, deps.lookup);
        if ('problem' in outcome) {
          const page = renderLoginPage({ action: `${interactionPath}/${details.uid}/login`, problem: outcome.problem, typedNationalId: choice.nationalId ?? '' });
          return sendHtml(reply, 400, page);
        }
        const acr = 'acr' in outcome.account.claims ? outcome.account.claims.acr : undefined;
        const returnTo = await provider.interactionResult(
          request.raw,
          reply.raw,
          // Not remembered: the next login shows the picker again, so switching persona is one click.
          { login: { accountId: outcome.account.accountId, remember: false, ...(acr ? { acr } : {}), amr: ['pwd'] } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );
  });

  const timer = setInterval(() => void deleteExpiredGrantState(deps.db).catch(() => undefined), CLEANUP_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  return provider;
}

/** The interaction named in the URL, if the browser's interaction cookie still points at it. */
async function interactionOrNull(provider: Provider, request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
  try {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    return details.uid === request.params.uid ? details : null;
  } catch {
    return null;
  }
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  // A login page must not be framed by another site (clickjacking a persona choice).
  return reply
    .code(status)
    .headers({ 'cache-control': 'no-store', 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' })
    .type('text/html; charset=utf-8')
    .send(html);
}
