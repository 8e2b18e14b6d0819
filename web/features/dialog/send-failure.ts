import { SendBlockedReason } from '#common/schemas/dialog.ts';
import type { ApiError } from '#web/lib/api-client.ts';

/**
 * The catalogue key for a send the rules refused (409 locked, with the reason: the person is now
 * followed up manually, reserved, or the period ended), or null for any other failure.
 */
export function sendFailureKey(error: ApiError, role: 'citizen' | 'advisor'): string | null {
  if (error.code !== 'locked') {
    return null;
  }
  const reason = SendBlockedReason.safeParse((error.details as { reason?: unknown } | undefined)?.reason);
  return reason.success ? `dialog:blocked.${role}.${reason.data}.text` : null;
}
