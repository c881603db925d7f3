import type { Context } from 'hono';
import { ApiError } from '../http/api-error.ts';

/**
 * The counties the signed-in user is limited to, or undefined when not limited
 * (every role but regional).
 */
export function countyScope(c: Context): readonly string[] | undefined {
  const user = c.get('user');
  return user.role === 'regional' ? user.counties : undefined;
}

/** Throws 403 OUT_OF_SCOPE when a regional user acts on a county outside their own. */
export function requireScope(c: Context, countyCodes: Iterable<string>): void {
  const scope = countyScope(c);
  if (!scope) return;
  const outside = [...new Set(countyCodes)].filter((code) => !scope.includes(code));
  if (outside.length > 0) {
    throw new ApiError(403, 'OUT_OF_SCOPE', `You may act only in your counties (${scope.join(', ')}); not in ${outside.join(', ')}.`, { counties: outside.join(',') });
  }
}
