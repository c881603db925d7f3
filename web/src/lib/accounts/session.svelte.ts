import { ApiError } from '$lib/api/api-error';
import type { SessionUser } from './accounts-types';
import { fetchSession, signOut } from './session-client';

/** Who is signed in in this browser: asked once per page load, then kept up to date by the login and logout. */
class SessionState {
  user = $state.raw<SessionUser | null>(null);
  #asked: Promise<SessionUser | null> | null = null;

  /** The signed-in user, or null when nobody is; other failures (server unreachable) are thrown and asked again next time. */
  ensureLoaded(): Promise<SessionUser | null> {
    this.#asked ??= fetchSession().then(
      (user) => this.#set(user),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return this.#set(null);
        this.#asked = null;
        throw error;
      },
    );
    return this.#asked;
  }

  signedIn(user: SessionUser): void {
    this.#asked = Promise.resolve(this.#set(user));
  }

  passwordChanged(): void {
    if (this.user) this.signedIn({ ...this.user, mustChangePassword: false });
  }

  async signOut(): Promise<void> {
    await signOut();
    this.#asked = Promise.resolve(this.#set(null));
  }

  #set(user: SessionUser | null): SessionUser | null {
    this.user = user;
    return user;
  }
}

export const session = new SessionState();
