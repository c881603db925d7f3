import { SHAREABLE_PAGES, type SharedContent, type ViewPage } from '@terep/db/contract';
import { offerSignIn } from '$lib/api/sign-in-redirect';

const STORAGE_KEY = 'terep.share';

/**
 * A read-only share link opened in this tab (`/v/TOKEN`), without an account: the map pages a
 * viewer may see open without the login, read-only (no side panels, no saving), their data read
 * through the share cookie the API set. Kept in sessionStorage so a reload of the tab stays in it.
 */
class SharedViewState {
  content = $state.raw<SharedContent | null>(null);
  token = $state<string | null>(null);

  get active(): boolean {
    return this.content !== null;
  }

  open(token: string, content: SharedContent): void {
    this.token = token;
    this.content = content;
    offerSignIn(false);
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled: a reload then asks the link again.
    }
  }

  /** The token this tab opened before a reload, if any. */
  storedToken(): string | null {
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  }

  close(): void {
    this.token = null;
    this.content = null;
    offerSignIn(true);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored.
    }
  }

  /** Whether a page may open without an account in this tab. */
  allows(pathname: string): boolean {
    return this.active && SHAREABLE_PAGES.includes(pathname as ViewPage);
  }
}

export const sharedView = new SharedViewState();
