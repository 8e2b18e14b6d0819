import type { BrowserContext, ConsoleMessage } from 'playwright-core';

/**
 * What makes a browser test fail besides its own assertions: anything the page reports as an error
 * on the console (a missing text logs `missing text …` there, a CSP violation too), an uncaught
 * error in a page, and a same-origin response with status 500 or above.
 */
export interface Problem {
  kind: 'console' | 'page error' | 'server error';
  text: string;
  /** The page the problem happened on. */
  page: string;
}

export class Guard {
  readonly problems: Problem[] = [];
  private allowed: RegExp[] = [];

  /** Lets console errors matching `pattern` pass until `reset()` (a test that provokes one on purpose). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  reset(): void {
    this.problems.length = 0;
    this.allowed = [];
  }

  watch(context: BrowserContext, origin: string): void {
    context.on('console', (message) => {
      if (message.type() === 'error' && !this.benign(message)) {
        this.problems.push({ kind: 'console', text: message.text(), page: message.page()?.url() ?? '' });
      }
    });
    context.on('weberror', (error) => {
      const e = error.error();
      this.problems.push({ kind: 'page error', text: e.stack ?? e.message, page: error.page()?.url() ?? '' });
    });
    context.on('response', (response) => {
      if (response.status() >= 500 && new URL(response.url()).origin === origin) {
        const request = response.request();
        this.problems.push({ kind: 'server error', text: `${response.status()} ${request.method()} ${response.url()}`, page: request.frame().page().url() });
      }
    });
  }

  /** The problems as one readable message, or null when there were none. */
  report(): string | null {
    if (this.problems.length === 0) {
      return null;
    }
    // The same message from several pages or renders is listed once, with how often it came.
    const unique = new Map<string, { problem: Problem; count: number }>();
    for (const problem of this.problems) {
      const key = `${problem.kind}\u0000${problem.text}`;
      const seen = unique.get(key);
      if (seen) {
        seen.count += 1;
      } else {
        unique.set(key, { problem, count: 1 });
      }
    }
    const lines = [...unique.values()].map(
      ({ problem: p, count }, i) => `  ${i + 1}. [${p.kind}]${count > 1 ? ` (×${count})` : ''} ${p.text}${p.page ? `\n     first on ${p.page}` : ''}`,
    );
    return `the browser reported ${this.problems.length} problem(s), ${unique.size} different:\n${lines.join('\n')}`;
  }

  private benign(message: ConsoleMessage): boolean {
    const text = message.text();
    // The browser logs every 4xx the app handles itself (401 before login, 409 on a stale write,
    // 400 with field errors); 5xx are caught by the response listener instead of here.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(text)) {
      return true;
    }
    // A request cut off by a navigation.
    if (/^Failed to load resource: net::ERR_ABORTED/.test(text)) {
      return true;
    }
    return this.allowed.some((pattern) => pattern.test(text));
  }
}
