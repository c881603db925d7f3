import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import type { Locale } from '../api/contract';
import type { MessageKey, MessageParams } from '../i18n/dictionary';
import { formatWait } from '../i18n/format';
import { MIN_PASSWORD_LENGTH } from './accounts-types';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Why a login failed, in the user's words: too many attempts (with the wait), or wrong credentials, which
 * is also the answer for a disabled account (the server tells them apart to nobody, so that no one can
 * find out which accounts exist); the message names that case.
 */
export function describeSignInError(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const seconds = Number(error.params.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? t('login.rateLimited', { wait: formatWait(seconds, locale) })
        : t('login.rateLimitedLater');
    }
    if (error.code === 'INVALID_CREDENTIALS') return `${t('login.wrongCredentials')} ${t('login.wrongCredentialsHint')}`;
  }
  return describeError(error, 'login.failed', t);
}

/** Why a password change failed: the current password was wrong, or the new one breaks a rule. */
export function describePasswordError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_CREDENTIALS') return t('password.wrongCurrent');
    if (error.code === 'WEAK_PASSWORD') return t('password.weak', { min: Number(error.params.minLength) || MIN_PASSWORD_LENGTH });
  }
  return describeError(error, 'password.failed', t);
}
