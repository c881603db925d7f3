/** A jsonb value as read: node-pg hands it back parsed, PGlite, depending on the query, as text. */
export function fromJsonb<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
