import { safeNext } from '../api/sign-in-redirect';
import { LoginForm } from './login-form.svelte';
import { PasswordForm } from './password-form.svelte';
import { session } from './session.svelte';

/**
 * The login page: the login form, then, for a user holding a one-time password, the change of
 * password before anything else; then the page the user came for (`?next=`, on this site only).
 */
export class SignInFlow {
  readonly login = new LoginForm();
  readonly password = new PasswordForm();
  readonly next: string;
  readonly step: 'login' | 'change' = $derived(session.user?.mustChangePassword ? 'change' : 'login');
  /** The one-time password was typed just now: the change form need not ask for it again. */
  currentKnown = $state(false);

  constructor(next: string | null) {
    this.next = safeNext(next);
  }

  /** Where to go once signed in, or null to stay (failed, or the password must change first). */
  async signIn(): Promise<string | null> {
    const typed = this.login.password;
    const user = await this.login.submit();
    if (!user) return null;
    if (user.mustChangePassword) {
      this.password.current = typed;
      this.currentKnown = true;
    }
    session.signedIn(user);
    return user.mustChangePassword ? null : this.next;
  }

  async changePassword(): Promise<string | null> {
    if (!(await this.password.submit())) {
      // The server refused: show every field again, the current password among them.
      if (this.password.error) this.currentKnown = false;
      return null;
    }
    session.passwordChanged();
    return this.next;
  }
}
