import type { FastifyRequest } from 'fastify';
import { languageFromHeader, type Language } from '#common/i18n/catalogue.ts';

/** The language texts made on the server are written in: the request's Accept-Language, else bokmål. */
export function requestLanguage(request: FastifyRequest): Language {
  return languageFromHeader(request.headers['accept-language']) ?? 'nb';
}
