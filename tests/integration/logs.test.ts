import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CITIZENS } from '#server/dev/personas.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let app: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  app = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: stream });
});
afterAll(() => app.close());

it('writes no national id, name or free text into the process log', async () => {
  const { personId } = await app.startPeriod('kari');
  const kari = await app.as('kari');
  const vera = await app.as('vera');
  const secret = 'Mitt hemmelige mål om å bli baker';
  await kari.put(`/api/persons/${personId}/goal`, { version: 0, text: secret });
  await vera.post('/api/persons/lookup', { nationalId: CITIZENS[0]!.nationalId });
  await vera.post('/api/persons/lookup', { nationalId: '12345678901' });
  await kari.post(`/api/persons/${personId}/activities`, { type: 'JOB_APPLICATION', title: secret, fromDate: 'not a date' });
  await kari.get(`/api/persons/${personId}/plan`);

  expect(lines.length).toBeGreaterThan(5);
  const log = lines.join('\n');
  for (const persona of CITIZENS) {
    expect(log).not.toContain(persona.nationalId);
    expect(log).not.toContain(persona.familyName);
  }
  expect(log).not.toContain('12345678901');
  expect(log).not.toContain('hemmelige');
  expect(log).not.toContain('Bearer');
  // Requests are logged by route pattern, never by URL.
  expect(log).toContain('/api/persons/:personId/plan');
  expect(log).not.toContain(personId);
});
