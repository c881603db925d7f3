import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n/dictionary';
import { ApiError } from './api-error';
import { describeError } from './describe-error';

const refused = (status: number, code: string) => new ApiError({ status, code, message: 'English text from the API', path: '/api/imports/institutions' });

describe('describeError', () => {
  it('puts the access errors in the user’s language, not the API’s English', () => {
    const hu = (key: MessageKey) => translate('hu', key);
    const en = (key: MessageKey) => translate('en', key);
    expect(describeError(refused(403, 'FORBIDDEN'), 'error.title', hu)).toBe('Hiba történt Az Ön szerepköre ezt nem engedi.');
    expect(describeError(refused(403, 'OUT_OF_SCOPE'), 'error.title', hu)).toContain('kívül esik az Ön vármegyéin');
    expect(describeError(refused(403, 'FORBIDDEN'), 'error.title', en)).toBe('Something went wrong Your role does not allow this.');
    for (const code of ['FORBIDDEN', 'OUT_OF_SCOPE', 'UNAUTHENTICATED']) {
      expect(describeError(refused(403, code), 'error.title', hu)).not.toContain('English text');
    }
  });
});
