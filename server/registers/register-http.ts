import http from 'node:http';
import https from 'node:https';
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

// node:http with a keep-alive agent: the global fetch cost several times the CPU per lookup, and
// a citizen's every write asks the contact register (bench/README.md).
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }) };

class TimeoutError extends Error {}

/** One POST with a JSON body; resolves with the status and the parsed body (404 carries none). */
function postJson(url: URL, payload: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const request = client.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          if (status !== 200) {
            resolve({ status, body: null });
            return;
          }
          try {
            resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    // The timeout covers the whole exchange, body included.
    const timer = setTimeout(() => request.destroy(new TimeoutError()), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}

export async function postLookup<T extends { nationalId: string }>(request: LookupRequest<T>): Promise<T | null> {
  const { register } = request;
  let answer: { status: number; body: unknown };
  try {
    answer = await postJson(new URL(request.url), JSON.stringify({ nationalId: request.nationalId }), request.timeoutMs);
  } catch (error) {
    throw toUnavailable(register, error);
  }
  if (answer.status === 404) {
    return null;
  }
  if (answer.status !== 200) {
    throw new RegisterUnavailableError(register, `status ${answer.status}`);
  }
  const parsed = request.answerSchema.safeParse(answer.body);
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
  if (error instanceof TimeoutError) {
    return new RegisterUnavailableError(register, 'timeout');
  }
  if (error instanceof SyntaxError) {
    return new RegisterUnavailableError(register, 'malformed answer');
  }
  return new RegisterUnavailableError(register, 'connection failed');
}
