import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageFallback } from './errors.ts';

/** Paths that belong to the server, never to the web app's router. */
const SERVER_PREFIXES = ['/api', '/auth', '/oidc', '/oidc-dev', '/health', '/metrics', '/assets/', '/dev'];

/**
 * The page's security headers: scripts and styles only from this origin (Aksel sets some inline
 * style attributes), no framing, no referrer leaking a path.
 */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return false;
  }
  const pathname = request.url.split('?')[0] ?? '/';
  if (SERVER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) {
    return false;
  }
  // A file that is not there (favicon.png, a mistyped asset) is a 404, not the page.
  return !path.extname(pathname) || pathname.endsWith('.html');
}

/**
 * Serves the built web app (`npm run build` → dist/web): hashed assets cached for a year, their
 * precompressed .br/.gz twins when the browser takes them, and index.html for every page path so
 * the web app's router takes over. Without a build the API runs alone (the tests of the API).
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<PageFallback | undefined> {
  const indexFile = path.join(webDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.info('no web app built; serving the API only (run npm run build)');
    return undefined;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    schemaHide: true,
    setHeaders(res, filePath) {
      res.header('x-content-type-options', 'nosniff');
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsPage(request)) {
      return false;
    }
    void reply.code(200).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(indexHtml);
    return true;
  };
}
