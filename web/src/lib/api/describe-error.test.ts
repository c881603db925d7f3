import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '$lib/i18n/dictionary';
import type { MessageParams } from '@terep/db/contract';
import { ApiError } from './api-error';
import { describeError, describeFailure, describeReason, describeSolver } from './describe-error';

const t = (locale: 'hu' | 'en') => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const infeasible = { code: 'INFEASIBLE', message: 'p = 3 new sites exceed the 2 candidate settlements.', params: { reason: 'p-exceeds-candidates', p: 3, candidates: 2 } };

describe('describeFailure', () => {
  it('words a coded refusal from its params in the UI language, never with the English message in Hungarian', () => {
    expect(describeFailure(infeasible, t('hu'))).toBe('A kért 3 új telephely több, mint a lehetséges helyszínek száma (2). Adjon meg kisebb p-t, vagy bővítse a lehetséges helyszíneket.');
    expect(describeFailure(infeasible, t('en'))).toBe('3 new sites are more than the 2 candidate sites. Choose a smaller p or widen the candidates.');
  });

  it('falls back to the code as a whole, and names an unknown code without its English message in Hungarian', () => {
    expect(describeFailure({ ...infeasible, params: { reason: 'something-new' } }, t('hu'))).toBe('A feltételeket egyetlen terv sem teljesítheti.');
    expect(describeFailure({ code: 'BRAND_NEW', message: 'Something new went wrong.' }, t('hu'))).toBe('A szerver hibát jelzett [BRAND_NEW]');
    expect(describeFailure({ code: 'BRAND_NEW', message: 'Something new went wrong.' }, t('en'))).toBe('Something new went wrong. [BRAND_NEW]');
  });

  it('formats numbers in the reader\'s convention', () => {
    const tooLarge = { code: 'UNSUPPORTED', message: '', params: { reason: 'capacitated-too-large', limit: 250000, pairs: 1234567 } };
    expect(describeFailure(tooLarge, t('hu'))).toContain('250\u00a0000');
    expect(describeFailure(tooLarge, t('en'))).toContain('1,234,567');
  });
});

describe('describeError', () => {
  it('words an API error with its context', () => {
    const error = new ApiError({ status: 409, code: 'NEED_INDEX_EXISTS', message: 'A need index named "X" already exists.', path: '/api/need-indices', params: { name: 'X' } });
    expect(describeError(error, 'error.title', t('hu'))).toBe('Hiba történt Már van „X” nevű szükségletindex: adjon meg másik nevet.');
  });
});

describe('describeReason and describeSolver', () => {
  it('word an unservable stop and the solver method', () => {
    expect(describeReason({ code: 'load-above-capacity', params: { load: 900, capacity: 120, vehicle: 'Kisbusz' } }, t('hu'))).toBe('a rakománya (900) nagyobb, mint a(z) „Kisbusz” kapacitása (120)');
    const outcome = { solver: 'highs 1.15.1, radius formulation, fast-interchange VNS start', solverMethod: 'pmedian-radius-vns-start', solverLibrary: 'highs 1.15.1' };
    expect(describeSolver(outcome, t('hu'))).toBe('highs 1.15.1, sugár-formuláció, VNS-heurisztika kezdőmegoldással');
  });
});

const refused = (status: number, code: string) => new ApiError({ status, code, message: 'English text from the API', path: '/api/imports/institutions' });

describe('describeError for access errors', () => {
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
