/**
 * Stable error codes shared by server and web. The server maps each code to one HTTP status
 * (server/http/errors.ts); the web rebuilds typed errors from the code.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of a request; `field` is a dotted path such as `body.title`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}

/** Domain error with a stable code and no HTTP knowledge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function validationError(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { issues: [{ field, message }] });
}
