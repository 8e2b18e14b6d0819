import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode, type FieldIssue } from '#common/errors.ts';

/** The one table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown): FastifyReply {
  return reply.code(STATUS_BY_CODE[code]).type('application/json; charset=utf-8').send(errorBody(code, message, details));
}

/** One item of `error.validation` as fastify-type-provider-zod makes it from a zod issue. */
interface ZodLikeIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: unknown; issue?: { path?: PropertyKey[]; message?: string } };
}

/** Turns schema-validation problems into issues that each name a field such as `body.title`. */
function fieldIssues(error: { validation?: unknown; validationContext?: string }): FieldIssue[] {
  const context = error.validationContext ?? 'body';
  return ((error.validation ?? []) as ZodLikeIssue[]).flatMap((issue) => {
    const pathParts = issue.params?.issue?.path ?? issue.instancePath?.split('/').filter(Boolean) ?? [];
    const field = [context, ...pathParts.map(String)].join('.');
    // An unknown field is named itself (`body.foo`), not the object that holds it.
    const keys = issue.params?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({ field: `${field}.${String(key)}`, message: 'is not a known field' }));
    }
    return [{ field, message: issue.params?.issue?.message ?? issue.message ?? 'invalid value' }];
  });
}

/**
 * Every 404 is the same bytes, whichever layer noticed what: a person, activity or period out of
 * the caller's reach must read exactly like one that does not exist (architecture.md, "Errors"),
 * and a message naming what was missing ("No such activity" vs "No such person") would tell them apart.
 */
const NOT_FOUND_MESSAGE = 'No such resource';

/** Answers a request no route took, when it is a page of the web app; false leaves it to the JSON 404. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function registerErrorHandling(app: FastifyInstance, pageFallback?: PageFallback): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (pageFallback?.(request, reply)) {
      return reply;
    }
    return sendError(reply, 'not_found', NOT_FOUND_MESSAGE);
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return error.code === 'not_found' ? sendError(reply, 'not_found', NOT_FOUND_MESSAGE) : sendError(reply, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = fieldIssues(error);
      const first = issues[0];
      const message = first ? `${first.field}: ${first.message}` : 'The request is not valid';
      return sendError(reply, 'validation_failed', message, { issues });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 'payload_too_large', 'body: the request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 'unsupported_media_type', 'content-type: send application/json');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 'validation_failed', 'body: a JSON body is required', {
          issues: [{ field: 'body', message: 'a JSON body is required' }],
        });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(reply, 'validation_failed', 'body: not valid JSON', { issues: [{ field: 'body', message: 'not valid JSON' }] });
      default:
        break;
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return sendError(reply, 'validation_failed', 'body: not valid JSON', { issues: [{ field: 'body', message: 'not valid JSON' }] });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Framework-level refusals (bad headers, bad URL encoding and the like).
      const code: ErrorCode = error.statusCode === 413 ? 'payload_too_large' : error.statusCode === 415 ? 'unsupported_media_type' : 'validation_failed';
      return sendError(reply, code, 'request: the request could not be read', { issues: [{ field: 'request', message: 'could not be read' }] });
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return sendError(reply, 'internal', `Something went wrong on our side (reference ${request.id})`);
  });
}

/**
 * The router's own refusals (a path parameter over the length limit, a badly percent-encoded URL)
 * are answered in the same shape as every other error, naming the path parameters.
 */
export function frameworkErrorHandler(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, 'validation_failed', 'params: the path could not be read', { issues: [{ field: 'params', message: 'could not be read' }] });
}
