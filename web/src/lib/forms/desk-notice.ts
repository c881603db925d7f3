import type { MessageKey, MessageParams } from '$lib/i18n/dictionary';

/** What a form says after it saved: a message key and its parameters, worded in the current language. */
export interface DeskNotice {
  key: MessageKey;
  params: MessageParams;
}
