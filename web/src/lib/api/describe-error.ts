import type { CodedReason, MessageParams } from '@terep/db/contract';
import { isMessageKey, type MessageKey } from '$lib/i18n/dictionary';
import { formatNumber } from '$lib/i18n/format';
import { ApiError } from './api-error';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A coded failure as the API or a run's `failed` event carries it. */
export interface CodedFailure {
  code: string;
  message: string;
  params?: MessageParams | undefined;
}

function localeOf(translate: Translate): 'hu' | 'en' {
  return translate('language.code') === 'en' ? 'en' : 'hu';
}

/** Numbers in the reader's format ("250 000" / "250,000"); codes and names as they are. */
function formattedParams(params: MessageParams, translate: Translate): MessageParams {
  const locale = localeOf(translate);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, locale) : value]));
}

/**
 * The one place API codes become words: `prefix.CODE.reason` for the case `params.reason` names,
 * else `prefix.CODE`; null when the catalogue has neither.
 */
export function wordCode(prefix: 'apiError' | 'routeReason' | 'solverMethod', code: string, params: MessageParams, translate: Translate): string | null {
  const reason = typeof params.reason === 'string' ? params.reason : null;
  for (const key of [reason ? `${prefix}.${code}.${reason}` : null, `${prefix}.${code}`]) {
    if (key && isMessageKey(key)) return translate(key, formattedParams(params, translate));
  }
  return null;
}

/** A coded reason in the UI language (route checks, unservable stops). */
export function describeReason(reason: CodedReason, translate: Translate): string {
  return wordCode('routeReason', reason.code, reason.params, translate) ?? reason.code;
}

/**
 * A refusal or failure of the API in the UI language. An unknown code is named, never replaced by
 * the English `message`, unless the UI is in English.
 */
export function describeFailure(failure: CodedFailure, translate: Translate): string {
  const worded = wordCode('apiError', failure.code, failure.params ?? {}, translate);
  if (worded) return worded;
  return localeOf(translate) === 'en' ? `${failure.message} [${failure.code}]` : `${translate('error.server')} [${failure.code}]`;
}

/** A readable message for any failure: `context` says what failed, the rest says why. */
export function describeError(error: unknown, context: MessageKey, translate: Translate): string {
  const what = translate(context);
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NETWORK':
        return `${what} ${translate('error.network')}`;
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
      default: {
        const worded = wordCode('apiError', error.code, error.params, translate);
        if (worded) return `${what} ${worded}`;
        if (error.status === 404) return `${what} ${translate('error.notFound')}`;
        return `${what} ${describeFailure(error, translate)}${error.status ? ` (${error.status})` : ''}`;
      }
    }
  }
  return `${what} ${error instanceof Error ? error.message : String(error)}`;
}

/** How a plan was solved, in the UI language: "highs 1.15.1, sugár-formuláció, …"; plans saved before the codes keep their English text. */
export function describeSolver(outcome: { solver: string; solverMethod?: string | undefined; solverLibrary?: string | null | undefined }, translate: Translate): string {
  const method = outcome.solverMethod ? wordCode('solverMethod', outcome.solverMethod, {}, translate) : null;
  if (!method) return outcome.solver;
  return outcome.solverLibrary ? `${outcome.solverLibrary}, ${method}` : method;
}
