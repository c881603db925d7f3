import type { Locale, Localized } from '$lib/api/contract';
import { translate, type MessageKey, type MessageParams } from './dictionary';
import { pickLocalized } from './format';

const STORAGE_KEY = 'terep.locale';

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'hu';
  } catch {
    return 'hu';
  }
}

/** The UI language, Hungarian first; persisted in localStorage. */
class LocaleState {
  current = $state<Locale>(readStoredLocale());

  set(locale: Locale): void {
    this.current = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage can be disabled (private mode); the choice then lasts for the session.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  toggle(): void {
    this.set(this.current === 'hu' ? 'en' : 'hu');
  }

  /** Translates a UI message in the current language. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.current, key, params);

  /** Picks the current language from an API `{ hu, en }` text. */
  pick = (text: Localized): string => pickLocalized(text, this.current);
}

export const i18n = new LocaleState();
