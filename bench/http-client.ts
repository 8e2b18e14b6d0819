import http from 'node:http';

/**
 * A small HTTP/1.1 client over keep-alive connections (node:http), enough for a load generator:
 * one pooled agent per target, bodies read to the end, the body text kept only when asked for.
 */
export interface Reply {
  status: number;
  body: string | null;
}

export interface HttpClient {
  send(method: string, path: string, token: string, body?: string, keepBody?: boolean): Promise<Reply>;
  close(): void;
}

export function createHttpClient(baseUrl: string, maxSockets: number): HttpClient {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  return {
    send(method, path, token, body, keepBody = false) {
      return new Promise<Reply>((resolve, reject) => {
        const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}`, accept: 'application/json' };
        if (body !== undefined) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = Buffer.byteLength(body);
        }
        const request = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => {
            if (keepBody || (response.statusCode ?? 0) >= 400) {
              chunks.push(chunk);
            }
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: chunks.length ? Buffer.concat(chunks).toString('utf8') : null }));
          response.on('error', reject);
        });
        request.setTimeout(30_000, () => request.destroy(new Error('timeout after 30 s')));
        request.on('error', reject);
        request.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
