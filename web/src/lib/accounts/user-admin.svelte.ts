import { ApiError } from '../api/api-error';
import type { CountyChoice } from '../map/unit-layers-client';
import { fetchCounties } from '../map/unit-layers-client';
import type { MessageKey, MessageParams } from '../i18n/dictionary';
import { USERNAME_PATTERN, type OneTimePassword, type Role, type UserSummary } from './accounts-types';
import { createUser, fetchUsers, resetPassword, updateUser } from './users-client';

/** Role and counties of a user being added or edited; counties only count for regional staff. */
export interface Scope {
  role: Role;
  counties: string[];
}

/** A message of the page: a key to translate, or a failure to describe in the context of `key`. */
export type Notice = { kind: 'done'; key: MessageKey; params: MessageParams } | { kind: 'failed'; key: MessageKey; error: unknown };

export type ConfirmAction = 'resetPassword' | 'disable';

/** A regional user needs counties; everybody else has none (the contract: empty unless regional). */
export function scopeProblem(scope: Scope): MessageKey | null {
  return scope.role === 'regional' && scope.counties.length === 0 ? 'admin.add.needCounty' : null;
}

function countiesOf(scope: Scope): string[] {
  return scope.role === 'regional' ? [...scope.counties].sort() : [];
}

/**
 * The user administration page: the list, the form of a new user, the one-time password shown once,
 * and the changes to a user (role and counties, disable or enable, a new one-time password).
 */
export class UserAdmin {
  users = $state.raw<UserSummary[] | null>(null);
  loading = $state(false);
  loadError = $state.raw<unknown>(null);
  counties = $state.raw<CountyChoice[]>([]);
  countiesError = $state.raw<unknown>(null);

  draftName = $state('');
  draft = $state<Scope>({ role: 'viewer', counties: [] });
  creating = $state(false);
  createTried = $state(false);
  createError = $state.raw<unknown>(null);

  /** The one-time password just made: shown until the admin closes it, then gone for good. */
  oneTime = $state.raw<OneTimePassword | null>(null);
  copied = $state<'no' | 'yes' | 'failed'>('no');

  editing = $state<{ username: string; scope: Scope } | null>(null);
  confirming = $state.raw<{ username: string; action: ConfirmAction } | null>(null);
  /** The user whose change is on its way (their buttons wait). */
  busyUser = $state<string | null>(null);
  notice = $state.raw<Notice | null>(null);

  readonly #countyNames = $derived(new Map(this.counties.map((county) => [county.code, county.name])));

  readonly createProblem: MessageKey | null = $derived(
    !this.draftName.trim() ? 'admin.add.needUsername' : !USERNAME_PATTERN.test(this.draftName.trim()) ? 'admin.add.badUsername' : scopeProblem(this.draft),
  );

  countyName = (code: string): string => this.#countyNames.get(code) ?? code;

  async load(): Promise<void> {
    await Promise.all([this.loadUsers(), this.#loadCounties()]);
  }

  async loadUsers(): Promise<void> {
    this.loading = true;
    try {
      const users = await fetchUsers();
      this.users = [...users].sort((a, b) => a.username.localeCompare(b.username, 'hu'));
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  async #loadCounties(): Promise<void> {
    try {
      this.counties = await fetchCounties();
      this.countiesError = null;
    } catch (error) {
      this.countiesError = error;
    }
  }

  async create(): Promise<void> {
    this.createTried = true;
    this.createError = null;
    if (this.createProblem || this.creating) return;
    this.creating = true;
    try {
      const username = this.draftName.trim();
      this.#showOneTime(await createUser({ username, role: this.draft.role, counties: countiesOf(this.draft) }));
      this.draftName = '';
      this.draft = { role: 'viewer', counties: [] };
      this.createTried = false;
      await this.loadUsers();
    } catch (error) {
      this.createError = error;
    } finally {
      this.creating = false;
    }
  }

  dismissOneTime(): void {
    this.oneTime = null;
    this.copied = 'no';
  }

  async copyOneTime(): Promise<void> {
    if (!this.oneTime) return;
    try {
      await navigator.clipboard.writeText(this.oneTime.password);
      this.copied = 'yes';
    } catch {
      this.copied = 'failed';
    }
  }

  startEdit(user: UserSummary): void {
    this.confirming = null;
    this.editing = { username: user.username, scope: { role: user.role, counties: [...user.counties] } };
  }

  cancelEdit(): void {
    this.editing = null;
  }

  async saveEdit(): Promise<void> {
    const editing = this.editing;
    if (!editing || scopeProblem(editing.scope)) return;
    const done = await this.#change(editing.username, () => updateUser(editing.username, { role: editing.scope.role, counties: countiesOf(editing.scope) }), 'admin.saved');
    if (done) this.editing = null;
  }

  /** Disabling and a new password ask first; enabling does not. */
  ask(username: string, action: ConfirmAction): void {
    this.editing = null;
    this.confirming = { username, action };
  }

  cancelConfirm(): void {
    this.confirming = null;
  }

  async confirm(): Promise<void> {
    const confirming = this.confirming;
    if (!confirming) return;
    this.confirming = null;
    const { username } = confirming;
    if (confirming.action === 'disable') {
      await this.#change(username, () => updateUser(username, { disabled: true }), 'admin.disabled');
    } else {
      await this.#change(username, async () => this.#showOneTime(await resetPassword(username)), null);
    }
  }

  async enable(username: string): Promise<void> {
    await this.#change(username, () => updateUser(username, { disabled: false }), 'admin.enabled');
  }

  /** Runs one change of a user, then reloads the list; true when it went through. */
  async #change(username: string, send: () => Promise<unknown>, doneKey: MessageKey | null): Promise<boolean> {
    this.busyUser = username;
    this.notice = null;
    try {
      await send();
      if (doneKey) this.notice = { kind: 'done', key: doneKey, params: { username } };
      await this.loadUsers();
      return true;
    } catch (error) {
      this.notice = { kind: 'failed', key: 'admin.saveFailed', error };
      return false;
    } finally {
      this.busyUser = null;
    }
  }

  #showOneTime(password: OneTimePassword): void {
    this.copied = 'no';
    this.oneTime = password;
  }
}

/** True when the server refused a new user because the name is taken. */
export function isNameTaken(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'USER_EXISTS';
}
