import { Alert } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '#web/lib/api-client.ts';

/** The catalogue key for an error the person should read: never the server's English message. */
export function errorTextKey(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'app:errors.unknown';
  }
  switch (error.code) {
    case 'validation_failed':
      return 'app:errors.validation';
    case 'unauthenticated':
      return 'app:errors.unauthenticated';
    case 'forbidden':
      return 'app:errors.forbidden';
    case 'not_found':
      return 'app:errors.notFound';
    case 'conflict':
      return 'app:errors.conflict';
    case 'locked':
      return 'app:errors.locked';
    case 'rate_limited':
      return 'app:errors.rateLimited';
    case 'service_unavailable':
      return error.status === 0 ? 'app:errors.network' : 'app:errors.unavailable';
    default:
      return 'app:errors.server';
  }
}

/** A failed read or write, said in the person's language, in a live region. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" role="alert">
      {t(errorTextKey(error))}
    </Alert>
  );
}
