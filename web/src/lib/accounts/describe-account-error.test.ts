import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { translate, type MessageKey, type MessageParams } from '../i18n/dictionary';
import { describeSignInError } from './describe-account-error';

const hu = (key: MessageKey, params?: MessageParams) => translate('hu', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const failed = (status: number, code: string, params: MessageParams = {}) =>
  new ApiError({ status, code, message: 'English text from the API', path: '/api/session', params });

describe('describeSignInError', () => {
  it('says wrong credentials (or a disabled account) and the wait of a rate limit, Hungarian first', () => {
    // A disabled account answers as wrong credentials (no one learns which accounts exist): the message names it.
    const wrong = describeSignInError(failed(401, 'INVALID_CREDENTIALS'), hu, 'hu');
    expect(wrong).toMatch(/^Hibás felhasználónév vagy jelszó\. /);
    expect(wrong).toContain('letiltották');
    expect(describeSignInError(failed(429, 'RATE_LIMITED', { retryAfterSeconds: 300 }), hu, 'hu')).toBe(
      'Túl sok sikertelen bejelentkezési kísérlet. Kérjük, próbálja újra 5 perc múlva.',
    );
    expect(describeSignInError(failed(429, 'RATE_LIMITED', { retryAfterSeconds: 45 }), en, 'en')).toBe(
      'Too many failed sign-in attempts. Please try again in 45 seconds.',
    );
    expect(describeSignInError(failed(429, 'RATE_LIMITED'), hu, 'hu')).toContain('később');
  });
});
