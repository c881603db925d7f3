import type { SessionUser } from './accounts-types';
import { signIn } from './session-client';

/** The login form: its two fields, the request, and why it failed. */
export class LoginForm {
  username = $state('');
  password = $state('');
  pending = $state(false);
  /** Both fields are needed: said once the user tried to send without them. */
  missing = $state(false);
  error = $state.raw<unknown>(null);

  /** Signs in; the user on success, null otherwise (`missing` or `error` tell why). */
  async submit(): Promise<SessionUser | null> {
    this.error = null;
    this.missing = !this.username.trim() || !this.password;
    if (this.missing || this.pending) return null;
    this.pending = true;
    try {
      const user = await signIn(this.username.trim(), this.password);
      this.password = '';
      return user;
    } catch (error) {
      this.error = error;
      // A wrong password is typed again from scratch.
      this.password = '';
      return null;
    } finally {
      this.pending = false;
    }
  }
}
