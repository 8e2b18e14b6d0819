import { ERROR_CODES, type ErrorCode, type FieldIssue } from '#common/errors.ts';

/**
 * The one way the web app talks to the server: JSON over same-origin fetch with the session
 * cookie, the CSRF token on every write, and errors rebuilt as ApiError from the server's codes.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems of a 400, each naming a field such as `body.title`. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  /** The current state sent with a 409 for a stale write, when the server sent it. */
  get current(): unknown {
    return (this.details as { current?: unknown } | undefined)?.current;
  }

  get isStale(): boolean {
    return this.status === 409 && this.current !== undefined;
  }
}

let csrfToken: string | null = null;
let language = 'nb';

/** Texts the server writes (history sentences) come in the language chosen in the page. */
export function setRequestLanguage(value: string): void {
  language = value;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the login is gone (401), so the app can offer to log in again. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Called after each request the person made (not polling): the server has then renewed the idle timeout. */
const activityListeners = new Set<() => void>();
export function onPersonActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

let lastNavigationAt = 0;

/** The shell calls this when the person opens a page: the reads that follow are theirs, not polling. */
export function markNavigation(): void {
  lastNavigationAt = Date.now();
}

/** How long after opening a page its reads count as the person's own activity. */
const NAVIGATION_WINDOW_MS = 3_000;

export interface RequestOptions {
  /**
   * A request the person did not ask for (polling): it does not keep the session alive. 'auto'
   * means background unless the person opened a page just now.
   */
  background?: boolean | 'auto';
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  const background = options.background === 'auto' ? Date.now() - lastNavigationAt > NAVIGATION_WINDOW_MS : Boolean(options.background);
  if (background) {
    headers['x-background'] = '1';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'service_unavailable', 'network');
  }
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (response.ok) {
    if (!background) {
      activityListeners.forEach((listener) => listener());
    }
    return json as T;
  }
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  const code = (ERROR_CODES as readonly string[]).includes(error?.code ?? '') ? (error?.code as ErrorCode) : response.status >= 500 ? 'internal' : 'validation_failed';
  if (response.status === 401) {
    unauthenticatedListeners.forEach((listener) => listener());
  }
  throw new ApiError(response.status, code, error?.message ?? response.statusText, error?.details);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
};

/** Builds a query string from filter values, leaving out empty ones (arrays become repeated keys). */
export function queryString(values: Record<string, string | readonly string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const item of [value ?? []].flat()) {
      if (item !== '') {
        params.append(key, item);
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
