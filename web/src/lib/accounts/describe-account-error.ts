import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import type { Locale } from '../api/contract';
import type { MessageKey, MessageParams } from '../i18n/dictionary';
import { formatWait } from '../i18n/format';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Why a login failed, in the user's words: wrong credentials, too many attempts (with the wait), a disabled account. */
export function describeSignInError(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const seconds = Number(error.params.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? t('login.rateLimited', { wait: formatWait(seconds, locale) })
        : t('login.rateLimitedLater');
    }
    if (error.code === 'ACCOUNT_DISABLED') return t('login.disabled');
    if (error.code === 'INVALID_CREDENTIALS') return t('login.wrongCredentials');
  }
  return describeError(error, 'login.failed', t);
}

/** Why a password change failed: the current password was wrong, or the new one breaks a rule. */
export function describePasswordError(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_CREDENTIALS') return t('password.wrongCurrent');
    if (error.status === 429) return describeSignInError(error, t, locale);
  }
  return describeError(error, 'password.failed', t);
}
