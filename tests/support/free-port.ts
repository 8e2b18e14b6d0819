import net from 'node:net';

/**
 * A TCP port that is free right now on `host`. For apps whose own URL must be known before they
 * listen (the built-in identity provider's issuer is `${PUBLIC_URL}/oidc`): pick the port, then
 * pass it as PORT and PUBLIC_URL. Another process could take it in between; on a test machine
 * that window is negligible.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
