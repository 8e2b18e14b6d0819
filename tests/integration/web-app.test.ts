import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * How the server hands out the built web app (server/http/web-app.ts), on a tiny stand-in build:
 * index.html for every page path with the page's security headers, hashed assets cached for good
 * and sent precompressed, and everything else left to the API's JSON answers.
 */
const INDEX = '<!doctype html><html lang="nb"><head><title>stand-in</title></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});\n`;

let app: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'web-app-test-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), INDEX);
  writeFileSync(path.join(webDir, 'assets', 'x.js'), SCRIPT);
  writeFileSync(path.join(webDir, 'assets', 'x.js.gz'), gzipSync(SCRIPT));
  app = await startTestApp({ env: { WEB_DIR: webDir } });
});

afterAll(async () => {
  await app?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${app.url}${pathname}`, { headers });

describe('page paths', () => {
  it.each(['/', '/activities/abc', '/persons/6f1c0d2e-0000-4000-8000-000000000000/activities/new', '/info?x=1'])('%s answers index.html with the page headers', async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(INDEX);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('HEAD of a page path answers like GET, without a body', async () => {
    const response = await fetch(`${app.url}/activities/abc`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('%s to a page path is the JSON 404, not the page', async (method) => {
    const response = await fetch(`${app.url}/activities/abc`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

describe('assets', () => {
  it('are cached for good', async () => {
    const response = await get('/assets/x.js', { 'accept-encoding': 'identity' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(SCRIPT);
  });

  it('come as their .gz twin to a browser that takes gzip', async () => {
    // fetch() would unpack gzip itself and hide the header: read the raw bytes with node:http.
    const { request } = await import('node:http');
    const reply = await new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(`${app.url}/assets/x.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(reply.headers['content-type'])).toMatch(/javascript/);
    expect(gunzipSync(reply.body).toString()).toBe(SCRIPT);
  });

  it('that do not exist are a 404, not the page', async () => {
    const response = await get('/assets/missing-abc123.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });
});

describe('what is not a page', () => {
  it('an unknown API path stays the JSON 404', async () => {
    const response = await get('/api/unknown');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it.each(['/favicon.png', '/robots.txt', '/activities/abc.json'])('%s (a file that is not there) is a 404, not the page', async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it.each(['/auth/nothing-here', '/health/nothing-here'])('%s under a server prefix is a 404, not the page', async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });
});
