import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Cookie } from 'playwright-core';
import { loadConfig } from '#server/config.ts';
import { startServer } from '#server/server.ts';
import { freePort } from '#test/free-port.ts';

/**
 * `npm run bench:web`: the board's first load in a browser (issue 3, "Speed"). Builds dist/ as
 * `npm run build` does, runs the app in this process on embedded PGlite with the demo plans, logs
 * in as kari in headless Chromium, then loads `/` cold RUNS times — each in a new browser with an
 * empty profile (no HTTP or code cache) holding only the login cookie — with the CPU slowed 4×,
 * and reports the gzip size of the JS and CSS it loaded and the time until the first activity
 * card is visible.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
process.chdir(ROOT);
const RUNS = 7;
const CPU_SLOWDOWN = 4;
const TARGETS = { initialGzipKB: 230, firstCardMs: 1000 };
const CARD = '[data-testid="activity-card"]';
/** Until the board's cards exist, its heading stands in for them (and the report says so). */
const FALLBACK = 'main h1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEB_DIR = path.join(ROOT, 'dist', 'web');
const KB = 1024;
const log = (line: string) => console.log(line);

/**
 * Notes the moment each marker is first laid out with a size, relative to navigation start: a
 * MutationObserver on insertions and on style/class/hidden changes (Suspense reveals content by its
 * style attribute), stamped in the next animation frame (the frame that paints it). Plain text, so
 * no transpiler helper (tsx's __name) ends up in the page.
 */
const MARKER_SCRIPT = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const selectors = { card: ${JSON.stringify(CARD)}, heading: ${JSON.stringify(FALLBACK)} };
  const check = () => {
    for (const name of Object.keys(selectors)) {
      if (marks[name] !== undefined) continue;
      const box = document.querySelector(selectors[name])?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) {
        marks[name] = -1;
        requestAnimationFrame(() => { marks[name] = performance.now(); });
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
})();`;

interface Asset {
  path: string;
  kind: 'js' | 'css';
  gzipBytes: number;
  /** Bytes on the wire (the server sends brotli when the browser takes it). */
  transferredBytes: number;
  startMs: number;
}

interface Run {
  run: number;
  firstCardMs: number;
  /** What was waited for: the first card, or the heading when the board shows no card. */
  marker: 'card' | 'heading';
  jsGzipBytes: number;
  cssGzipBytes: number;
  transferredBytes: number;
  /** Assets requested in the 2 s after the marker (prefetches, lazy parts); not in the totals. */
  laterAssets: string[];
  assets: Asset[];
  /** Where the time went: the page's own requests before the marker (start → end, ms from navigation start). */
  timeline: { path: string; startMs: number; endMs: number }[];
}

/** How long a freshly started browser is left to settle before the measured load. */
const BROWSER_SETTLE_MS = 1_500;

// 1. Build, as `npm run build` does.
const buildStarted = performance.now();
const { buildAll } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as { buildAll(): Promise<void> };
await buildAll();
const buildSeconds = (performance.now() - buildStarted) / 1000;

// 2. The app, as `npm start` runs it, on a throwaway embedded database with the demo plans.
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-web-'));
const port = await freePort();
const config = loadConfig({
  NODE_ENV: 'development',
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATA_DIR: dataDir,
  WEB_DIR,
  DEMO_DATA: 'on',
  DEV_IDP: 'on',
  LOG_LEVEL: 'warn',
});
const server = await startServer(config, { dataDir: path.join(dataDir, 'db') });
const origin = server.url;
const browsers: Browser[] = [];
const runs: Run[] = [];

try {
  // 3. Log in once, the real way (the development identity provider's persona page).
  const loginBrowser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  browsers.push(loginBrowser);
  const loginContext = await loginBrowser.newContext({ baseURL: origin, locale: 'nb-NO' });
  const loginPage = await loginContext.newPage();
  await loginPage.goto('/auth/login?returnTo=%2F');
  await loginPage.locator('button[name="persona"][value="kari"]').click();
  await loginPage.waitForURL((url) => url.origin === origin && url.pathname === '/');
  const cookies: Cookie[] = (await loginContext.cookies()).filter((c) => c.name === 'sid');
  if (cookies.length === 0) {
    throw new Error('the login as kari left no session cookie');
  }
  const chromiumVersion = loginBrowser.version();
  await loginBrowser.close();
  browsers.length = 0;

  // 4. Cold loads.
  log(`\nbench:web — ${RUNS} cold loads of / as kari, CPU ${CPU_SLOWDOWN}× slower, Chromium ${chromiumVersion}`);
  for (let i = 1; i <= RUNS; i++) {
    const run = await coldLoad(i, cookies);
    runs.push(run);
    log(
      `  run ${i}: ${run.marker === 'card' ? 'first card' : 'heading (no card)'} ${Math.round(run.firstCardMs)} ms, ` +
        `JS ${kb(run.jsGzipBytes)} + CSS ${kb(run.cssGzipBytes)} KB gzip (${kb(run.transferredBytes)} KB sent), ${run.assets.length} files`,
    );
  }

  // 5. Report.
  const first = runs[0]!;
  const median = {
    firstCardMs: Math.round(medianOf(runs.map((r) => r.firstCardMs))),
    initialGzipBytes: medianOf(runs.map((r) => r.jsGzipBytes + r.cssGzipBytes)),
    jsGzipBytes: medianOf(runs.map((r) => r.jsGzipBytes)),
    cssGzipBytes: medianOf(runs.map((r) => r.cssGzipBytes)),
    transferredBytes: medianOf(runs.map((r) => r.transferredBytes)),
  };
  const marker = runs.every((r) => r.marker === 'card') ? 'card' : 'heading';
  const pass = { initialGzip: median.initialGzipBytes <= TARGETS.initialGzipKB * KB, firstCard: marker === 'card' && median.firstCardMs <= TARGETS.firstCardMs };
  log('\n  files of the first load (run 1):');
  for (const asset of [...first.assets].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    log(`    ${kb(asset.gzipBytes).padStart(7)} KB gzip  ${asset.path}`);
  }
  const typical = [...runs].sort((a, b) => a.firstCardMs - b.firstCardMs)[Math.floor(runs.length / 2)]!;
  const assetsDone = Math.max(...typical.assets.map((a) => typical.timeline.find((t) => t.path === a.path)?.endMs ?? 0));
  log(`\n  where the time went (run ${typical.run}, the median): JS and CSS loaded by ${assetsDone} ms; the app's requests:`);
  for (const t of typical.timeline.filter((x) => !/\.(js|css)$/.test(x.path))) {
    log(`    ${String(t.startMs).padStart(5)} → ${String(t.endMs).padStart(5)} ms  ${t.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
  }
  log(`    first ${typical.marker} visible at ${Math.round(typical.firstCardMs)} ms`);
  if (first.laterAssets.length > 0) {
    log(`  requested after the ${first.marker} (not counted): ${first.laterAssets.join(', ')}`);
  }
  log('');
  log(`  initial JS + CSS  median ${kb(median.initialGzipBytes)} KB gzip (JS ${kb(median.jsGzipBytes)}, CSS ${kb(median.cssGzipBytes)})  target ≤ ${TARGETS.initialGzipKB} KB  ${pass.initialGzip ? 'OK' : 'OVER'}`);
  log(
    `  first ${marker === 'card' ? 'card' : 'heading (the board shows no card yet)'}  median ${median.firstCardMs} ms  ` +
      `[${runs.map((r) => Math.round(r.firstCardMs)).join(', ')}]  target ≤ ${TARGETS.firstCardMs} ms  ${marker !== 'card' ? 'NOT MEASURED (no card)' : pass.firstCard ? 'OK' : 'OVER'}`,
  );

  const result = {
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? '', node: process.version, chromium: chromiumVersion, loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    method: { runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, marker: { card: CARD, fallback: FALLBACK }, persona: 'kari', buildSeconds: Math.round(buildSeconds * 10) / 10 },
    targets: TARGETS,
    median: { ...median, marker },
    pass,
    runs,
  };
  await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(ROOT, 'bench', 'results', 'web-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log('\n  written to bench/results/web-latest.json');
} finally {
  await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}

/** One load in a new browser with an empty profile; only the session cookie is carried over. */
async function coldLoad(run: number, cookies: Cookie[]): Promise<Run> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-web-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale: 'nb-NO',
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addCookies(cookies);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript({ content: MARKER_SCRIPT });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // A browser that has just started is still busy with itself (its GPU, network and storage
    // processes take both of this machine's cores for a moment): let it come to rest, so the
    // figure is the page's load and not the browser's start.
    await page.goto('about:blank');
    await page.waitForTimeout(BROWSER_SETTLE_MS);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const marks = () => page.evaluate(() => (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks ?? {});
    // The first card, or — when the board shows none (yet) after 10 s — the heading.
    const started = Date.now();
    const deadline = started + 30_000;
    let found: { marker: 'card' | 'heading'; ms: number } | null = null;
    while (!found && Date.now() < deadline) {
      const m = await marks();
      if ((m.card ?? -1) > 0) {
        found = { marker: 'card', ms: m.card! };
      } else if ((m.heading ?? -1) > 0 && Date.now() - started > 10_000) {
        found = { marker: 'heading', ms: m.heading! };
      } else {
        await page.waitForTimeout(50);
      }
    }
    if (!found) {
      const shot = path.join(ROOT, 'bench', '.data', 'web-failure.png');
      await fs.mkdir(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`run ${run}: neither ${CARD} nor ${FALLBACK} became visible in 30 s at ${page.url()} (marks ${JSON.stringify(await marks())}; screenshot ${path.relative(ROOT, shot)})`);
    }
    await page.waitForTimeout(2000);
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { url: r.name, startTime: r.startTime, responseEnd: r.responseEnd, encodedBodySize: r.encodedBodySize };
      }),
    );
    const assets: Asset[] = [];
    const laterAssets: string[] = [];
    const timeline = entries
      .filter((e) => new URL(e.url).origin === origin && e.startTime <= found.ms)
      .map((e) => ({ path: new URL(e.url).pathname, startMs: Math.round(e.startTime), endMs: Math.round(e.responseEnd) }));
    for (const entry of entries) {
      const url = new URL(entry.url);
      const kind = url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : null;
      if (url.origin !== origin || !kind) {
        continue;
      }
      if (entry.startTime > found.ms) {
        laterAssets.push(url.pathname);
        continue;
      }
      assets.push({ path: url.pathname, kind, gzipBytes: gzipSize(url.pathname), transferredBytes: entry.encodedBodySize, startMs: Math.round(entry.startTime) });
    }
    const sum = (k: 'js' | 'css') => assets.filter((a) => a.kind === k).reduce((s, a) => s + a.gzipBytes, 0);
    return {
      run,
      firstCardMs: found.ms,
      marker: found.marker,
      jsGzipBytes: sum('js'),
      cssGzipBytes: sum('css'),
      transferredBytes: assets.reduce((s, a) => s + a.transferredBytes, 0),
      laterAssets,
      assets,
      timeline,
    };
  } finally {
    await context.close();
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** The size of the precompressed .gz twin the build wrote beside the file. */
function gzipSize(pathname: string): number {
  const file = path.join(WEB_DIR, decodeURIComponent(pathname));
  if (!file.startsWith(WEB_DIR) || !existsSync(`${file}.gz`)) {
    throw new Error(`no precompressed ${pathname}.gz in dist/web`);
  }
  return statSync(`${file}.gz`).size;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function kb(bytes: number): string {
  return (bytes / KB).toFixed(1);
}
