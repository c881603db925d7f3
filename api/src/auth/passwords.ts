import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/*
 * Argon2id through @node-rs/argon2 (a prebuilt binary inside the npm package, no
 * compiler needed) with its defaults (19 MiB, 2 passes: the OWASP minimum).
 */

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a hash that cannot be read. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: checked against when the username is unknown, so both cases take as long. */
export const DECOY_HASH = hash(randomBytes(16).toString('hex'));

/** A one-time password: 18 random bytes, URL-safe (24 characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
