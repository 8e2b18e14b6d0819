import Fastify from 'fastify';
import pg from 'pg';

/**
 * Child process of the benchmark, for comparison only: the plan read's statement behind a bare
 * Fastify route (`GET /bare/:personId`), with nothing of the app around it — no login, no access
 * check, no contact register, no presenter; pg with the app's pool size, the statement named as
 * the app names it, and the row sent as JSON. What the stack itself costs on this machine, so that
 * the app's figures can be held against the floor of its own parts. Prints its URL as one JSON
 * line; the statement comes as JSON on the first line of stdin.
 */
const databaseUrl = process.argv[2];
if (!databaseUrl) {
  console.error('usage: bare-main.ts <database url>');
  process.exit(2);
}
const first = await new Promise<string>((resolve) => process.stdin.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0]!)));
const statement = JSON.parse(first) as { sql: string; parameters: unknown[]; person: string };
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { personId: string } }>('/bare/:personId', async (request, reply) => {
  const values = statement.parameters.map((p) => (p === statement.person ? request.params.personId : p));
  const result = await pool.query({ name: 'bare_plan', text: statement.sql, values });
  if (result.rows.length === 0) {
    return reply.code(404).send({ error: 'no such person' });
  }
  return reply.type('application/json').send(JSON.stringify(result.rows[0]));
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.once('SIGTERM', () => void stop());
