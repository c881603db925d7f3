import type { MessageKey } from '../i18n/dictionary';
import { MIN_PASSWORD_LENGTH } from './accounts-types';
import { changePassword } from './session-client';

/** The change-password form: its fields, what is wrong with them before sending, and the change itself. */
export class PasswordForm {
  current = $state('');
  next = $state('');
  confirm = $state('');
  pending = $state(false);
  /** Set once a send was tried: the field rules are shown from then on, not while typing the first time. */
  tried = $state(false);
  error = $state.raw<unknown>(null);

  /** The first rule the fields break, or null. */
  readonly invalid: MessageKey | null = $derived(
    this.next.length < MIN_PASSWORD_LENGTH
      ? 'password.tooShort'
      : this.next !== this.confirm
        ? 'password.mismatch'
        : this.next === this.current
          ? 'password.same'
          : null,
  );

  /** Changes the password (the server checks the rules again); true when the server took it. */
  async submit(): Promise<boolean> {
    this.tried = true;
    this.error = null;
    if (this.invalid || this.pending) return false;
    this.pending = true;
    try {
      await changePassword(this.current, this.next);
      this.current = this.next = this.confirm = '';
      this.tried = false;
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.pending = false;
    }
  }
}
