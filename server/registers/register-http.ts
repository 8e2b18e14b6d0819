import type { z } from 'zod';
import { RegisterUnavailableError } from './types.ts';

/**
 * One lookup against a register over HTTP: POST with the national id in the JSON body (never in
 * the URL, so it cannot reach an access log), bounded by a timeout that covers the whole exchange,
 * body included. 404 is an answer ("not known"); anything else that is not a valid 200 means the
 * register cannot be relied on right now, and becomes RegisterUnavailableError. Reasons name the
 * kind of failure only, never the person.
 */
export interface LookupRequest<T> {
  register: 'person' | 'contact';
  url: string;
  nationalId: string;
  timeoutMs: number;
  answerSchema: z.ZodType<T>;
}

export async function postLookup<T extends { nationalId: string }>(request: LookupRequest<T>): Promise<T | null> {
  const { register } = request;
  let response: Response;
  let body: unknown;
  try {
    // The global fetch (undici) keeps connections alive between lookups.
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ nationalId: request.nationalId }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new RegisterUnavailableError(register, `status ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    throw toUnavailable(register, error);
  }
  const parsed = request.answerSchema.safeParse(body);
  // An answer about someone else is as useless as a malformed one.
  if (!parsed.success || parsed.data.nationalId !== request.nationalId) {
    throw new RegisterUnavailableError(register, 'malformed answer');
  }
  return parsed.data;
}

function toUnavailable(register: 'person' | 'contact', error: unknown): RegisterUnavailableError {
  if (error instanceof RegisterUnavailableError) {
    return error;
  }
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new RegisterUnavailableError(register, 'timeout');
  }
  if (error instanceof SyntaxError) {
    return new RegisterUnavailableError(register, 'malformed answer');
  }
  return new RegisterUnavailableError(register, 'connection failed');
}
