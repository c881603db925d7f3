import type { IgnoredParam } from './map-position';

/**
 * Parts of an address (or of a shared view) a page could not use and ignored: an unknown
 * indicator, a deleted plan. The page still opens with the rest; a small notice names them.
 */
class ViewNotices {
  ignored = $state.raw<IgnoredParam[]>([]);

  report(ignored: readonly IgnoredParam[]): void {
    const fresh = ignored.filter((param) => !this.ignored.some((known) => known.name === param.name && known.value === param.value));
    if (fresh.length) this.ignored = [...this.ignored, ...fresh];
  }

  dismiss(): void {
    this.ignored = [];
  }
}

export const viewNotices = new ViewNotices();
