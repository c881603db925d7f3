import { fetchCounties, type CountyChoice } from '../map/unit-layers-client';
import { session } from './session.svelte';

/** The user menu of the header: open or closed, the names of the user's counties, and the logout. */
export class UserMenuState {
  open = $state(false);
  counties = $state.raw<CountyChoice[] | null>(null);
  loggingOut = $state(false);
  logoutError = $state.raw<unknown>(null);

  /** The user's counties by name (codes until the names arrive, or if they cannot). */
  readonly countyNames: string[] = $derived.by(() => {
    const codes = session.user?.counties ?? [];
    const names = new Map((this.counties ?? []).map((county) => [county.code, county.name]));
    return codes.map((code) => names.get(code) ?? code).sort((a, b) => a.localeCompare(b, 'hu'));
  });

  toggle(): void {
    this.open = !this.open;
    if (this.open && this.counties === null && (session.user?.counties.length ?? 0) > 0) void this.#loadCounties();
  }

  close(): void {
    this.open = false;
  }

  /** Signs out; true when done (the caller then loads the login page afresh). */
  async logout(): Promise<boolean> {
    this.loggingOut = true;
    this.logoutError = null;
    try {
      await session.signOut();
      return true;
    } catch (error) {
      this.logoutError = error;
      return false;
    } finally {
      this.loggingOut = false;
    }
  }

  async #loadCounties(): Promise<void> {
    try {
      this.counties = await fetchCounties();
    } catch {
      // The codes stay on show: the menu still tells the user where they may work.
      this.counties = [];
    }
  }
}
