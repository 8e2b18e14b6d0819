import http from 'node:http';

/**
 * A Server-Sent Events reader for the live tests: opens `GET …/events` with fetch, parses the
 * frames as they arrive and lets a test wait for the next one that matches.
 */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: unknown;
  /** A comment line (the heartbeat). */
  comment?: string;
  retry?: number;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every frame so far, in order. */
  frames: SseFrame[];
  /** Frames with an `event:` field (not heartbeats, not the opening `retry`/`id`). */
  events(): SseFrame[];
  /** The last id the stream gave, as EventSource would send it in Last-Event-ID. */
  lastEventId(): string | undefined;
  /** Waits for a frame (already received or to come) after the first `from` frames. */
  waitFor(match: (frame: SseFrame) => boolean, options?: { timeoutMs?: number; from?: number }): Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  closed: Promise<void>;
  isClosed(): boolean;
  close(): void;
  /** The JSON error body when the answer was not a stream. */
  errorBody: unknown;
}

function parseBlock(block: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      frame.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      frame.id = value;
    } else if (field === 'event') {
      frame.event = value;
    } else if (field === 'data') {
      frame.data = JSON.parse(value);
    } else if (field === 'retry') {
      frame.retry = Number(value);
    }
  }
  return frame;
}

/**
 * Opens a stream with node:http on a connection of its own (agent: false), so that closing it
 * closes exactly that connection and nothing lingers when the server shuts down.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const target = new URL(url);
  const request = http.request({
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    agent: false,
    headers: { accept: 'text/event-stream', ...headers },
  });
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  let closed = false;
  let resolveClosed!: () => void;
  const closedPromise = new Promise<void>((resolve) => (resolveClosed = resolve));
  const wake = () => waiters.forEach((w) => w());
  const finish = () => {
    if (!closed) {
      closed = true;
      resolveClosed();
      wake();
    }
  };
  let errorBody: unknown = null;
  response.setEncoding('utf8');
  if (!String(response.headers['content-type']).startsWith('text/event-stream')) {
    let text = '';
    for await (const chunk of response) {
      text += chunk as string;
    }
    errorBody = text ? JSON.parse(text) : null;
    finish();
  } else {
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        frames.push(parseBlock(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
      }
      wake();
    });
    response.on('end', finish);
    response.on('close', finish);
    response.on('error', finish);
  }
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string') {
      responseHeaders.set(name, value);
    }
  }

  const stream: SseStream = {
    status: response.statusCode ?? 0,
    headers: responseHeaders,
    frames,
    errorBody,
    events: () => frames.filter((f) => f.event !== undefined),
    lastEventId: () => [...frames].reverse().find((f) => f.id !== undefined && f.id !== '')?.id,
    closed: closedPromise,
    isClosed: () => closed,
    close: () => request.destroy(),
    waitFor(match, { timeoutMs = 5_000, from = 0 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.slice(from).find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (closed) {
            cleanup();
            reject(new Error(`the stream closed without the frame; got ${JSON.stringify(frames)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  return stream;
}

/** Waits a little while for frames that must not come. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
