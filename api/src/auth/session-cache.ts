import { ACCESS_CHANNEL, TOUCH_EVERY_MS, touchSession, type Engine, type LiveSession, type SessionUser } from '@terep/db';
import { WatchedCache } from '../data-versions/watched-cache.ts';

/** Sessions kept at most; beyond it the least recently used one is read again at its next request. */
const MAX_SESSIONS = 10_000;

/** The tables a session's answer comes from (migration 018 notifies their changes). */
const SESSION_TABLES = ['app_session', 'app_user', 'app_user_county'];

interface KeptSession extends LiveSession {
  /** A request is sliding its expiry right now: the others answer from memory meanwhile. */
  sliding: boolean;
}

export interface SessionClock {
  now: () => Date;
  idleMs: number;
  absoluteMs: number;
}

/**
 * The live sessions by their token's SHA-256, so that a signed-in request costs no query. An entry
 * holds the user, when the expiry last moved and when it runs out; it is read again (one query that
 * also slides the expiry) once a minute has passed since the expiry moved, as the database would
 * write it, and when it runs out in memory (another server may have moved it meanwhile). Logout,
 * password changes and resets, disabling, role and county changes, from this process or another,
 * drop every entry at once through the access notifications (WatchedCache).
 */
export class SessionCache {
  readonly #engine: Engine;
  readonly #clock: SessionClock;
  readonly #kept: WatchedCache<KeptSession>;

  constructor(engine: Engine, clock: SessionClock) {
    this.#engine = engine;
    this.#clock = clock;
    this.#kept = new WatchedCache(engine, ACCESS_CHANNEL, SESSION_TABLES, MAX_SESSIONS);
  }

  /** The user of a live session, or undefined. */
  async user(tokenHash: string): Promise<SessionUser | undefined> {
    const now = this.#clock.now();
    const kept = this.#kept.get(tokenHash);
    if (kept && now.getTime() < kept.expiresAt) {
      if (now.getTime() - kept.lastSeenAt < TOUCH_EVERY_MS || kept.sliding) return kept.user;
      kept.sliding = true;
    }
    try {
      const live = await this.#kept.read(tokenHash, async () => {
        const session = await touchSession(this.#engine.db, tokenHash, { now, idleMs: this.#clock.idleMs, absoluteMs: this.#clock.absoluteMs });
        return session && { ...session, sliding: false };
      });
      return live?.user;
    } finally {
      if (kept) kept.sliding = false;
    }
  }
}
