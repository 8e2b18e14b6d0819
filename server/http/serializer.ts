import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

/**
 * Responses are shaped by presenters, which are typed. Tests additionally check every response
 * against its schema (catching drift between presenter and documentation); development and production only
 * stringifies, which keeps the hot read path lean.
 */
export function createSerializerCompiler(validate: boolean): FastifySerializerCompiler<unknown> {
  if (validate) {
    return zodSerializerCompiler as FastifySerializerCompiler<unknown>;
  }
  return () => (data: unknown) => JSON.stringify(data);
}
