import { ACCESS_CHANNEL, type Engine } from '@terep/db';
import { hashToken } from './accounts.ts';
import { WatchedCache } from '../data-versions/watched-cache.ts';

/** Share links kept at most. */
const MAX_LINKS = 1_000;

/** A link that is neither revoked nor expired: its id and when it expires (ISO time). */
export interface LiveShareLink {
  id: number;
  expiresAt: string;
}

interface KeptLink {
  id: number;
  expiresAt: number;
}

/**
 * The live share links of the `terep_share` cookie by their token's SHA-256, so that a request read
 * through a link costs no query: kept until the link's expiry (checked against the clock in memory)
 * or until `share_link` changes (a revocation, a removed view or story: migration 018's
 * notifications, from any process), which drops them all. Unknown, revoked and expired links are
 * not kept: each request with one asks `resolve` again.
 */
export class ShareLinkCache {
  readonly #kept: WatchedCache<KeptLink>;
  readonly #resolve: (token: string) => Promise<LiveShareLink | undefined>;
  readonly #now: () => Date;

  constructor(engine: Engine, resolve: (token: string) => Promise<LiveShareLink | undefined>, now: () => Date = () => new Date()) {
    this.#kept = new WatchedCache(engine, ACCESS_CHANNEL, ['share_link'], MAX_LINKS);
    this.#resolve = resolve;
    this.#now = now;
  }

  /** The id of the live link of `token`, or undefined. */
  async shareId(token: string): Promise<number | undefined> {
    const key = hashToken(token);
    const now = this.#now().getTime();
    const kept = this.#kept.get(key) ?? (await this.#kept.read(key, async () => {
      const link = await this.#resolve(token);
      return link && { id: link.id, expiresAt: Date.parse(link.expiresAt) };
    }));
    return kept && now < kept.expiresAt ? kept.id : undefined;
  }
}
