import type { MessageKey } from '$lib/i18n/dictionary';
import { ApiError } from './api-error';

/** A readable message for any failure: `context` says what failed, the rest says why. */
export function describeError(
  error: unknown,
  context: MessageKey,
  translate: (key: MessageKey) => string,
): string {
  const what = translate(context);
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NETWORK':
        return `${what} ${translate('error.network')}`;
      case 'NOT_FOUND':
        return `${what} ${translate('error.notFound')} (${error.message})`;
      case 'BAD_RESPONSE':
        return `${what} ${translate('error.badResponse')}`;
      // The access errors in the user's words, never the API's English.
      case 'UNAUTHENTICATED':
        return `${what} ${translate('error.unauthenticated')}`;
      case 'FORBIDDEN':
        return `${what} ${translate('error.forbidden')}`;
      case 'OUT_OF_SCOPE':
        return `${what} ${translate('error.outOfScope')}`;
      case 'PASSWORD_CHANGE_REQUIRED':
        return `${what} ${translate('error.passwordChangeRequired')}`;
      case 'CROSS_ORIGIN':
        return `${what} ${translate('error.crossOrigin')}`;
      case 'RATE_LIMITED':
        return `${what} ${translate('error.rateLimited')}`;
      default:
        return `${what} ${translate('error.server')}: ${error.message} [${error.code}${error.status ? ` ${error.status}` : ''}]`;
    }
  }
  return `${what} ${error instanceof Error ? error.message : String(error)}`;
}
