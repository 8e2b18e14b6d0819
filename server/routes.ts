import type { FastifyInstance } from 'fastify';
import type { Services } from './services.ts';

/** Mounts every feature's routes. */
export async function registerFeatureRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
