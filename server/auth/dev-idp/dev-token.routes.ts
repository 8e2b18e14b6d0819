import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, validationError } from '#common/errors.ts';
import type { Clock } from '#server/clock.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { RegisterUnavailableError } from '#server/registers/types.ts';
import type { SigningKeys } from '../keys.ts';
import type { PersonLookup } from './accounts.ts';
import { mintForSeeded, mintForSubject, UnknownSubjectError } from './mint.ts';
import { OUTSIDE_APP_AUTH } from './route-flag.ts';

const Body = z
  .object({
    subject: z.string().trim().min(1).max(40).optional(),
    seededCount: z.number().int().min(1).max(1_000_000).optional(),
    ttlSeconds: z.number().int().min(60).max(7 * 24 * 3600).default(3600),
  })
  .refine((b) => (b.subject === undefined) !== (b.seededCount === undefined), { message: 'give either subject or seededCount', path: ['subject'] });

export interface DevTokenDeps {
  config: Config;
  db: Db;
  clock: Clock;
  signingKeys: SigningKeys;
  lookup: PersonLookup;
}

/**
 * `POST /oidc-dev/token`: the token command's way in while the app runs (the embedded database
 * admits one process only). Mints exactly what a login at the development identity provider
 * would give; the caller checks that it runs only with that provider on and never in production.
 */
export function registerDevTokenRoute(app: FastifyInstance, deps: DevTokenDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/oidc-dev/token',
    { config: OUTSIDE_APP_AUTH, schema: { hide: true, body: Body } },
    async (request) => {
      const { subject, seededCount, ttlSeconds } = request.body;
      const now = deps.clock.now();
      if (seededCount !== undefined) {
        const tokens = await mintForSeeded(deps.signingKeys, deps.config, deps.db, { count: seededCount, ttlSeconds, now });
        return { expiresIn: ttlSeconds, tokens };
      }
      try {
        const token = await mintForSubject(deps.signingKeys, deps.config, subject ?? '', { ttlSeconds, lookup: deps.lookup, requireKnown: true, now });
        return { expiresIn: ttlSeconds, tokens: [token] };
      } catch (error) {
        if (error instanceof UnknownSubjectError) {
          throw validationError('body.subject', error.message.replace(/^subject: /, ''));
        }
        if (error instanceof RegisterUnavailableError) {
          throw new AppError('service_unavailable', 'The person register could not be asked; try again');
        }
        throw error;
      }
    },
  );
}
