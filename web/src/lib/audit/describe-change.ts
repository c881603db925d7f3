/** One changed value of an audited object, as text. */
export interface ChangedValue {
  key: string;
  before: string;
  after: string;
}

const text = (value: unknown): string => (value === undefined || value === null ? '–' : typeof value === 'object' ? JSON.stringify(value) : String(value));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What an entry changed, key by key: only the values that differ between before and after (all
 * of them for a creation or a deletion, where one side is missing).
 */
export function describeChange(before: unknown, after: unknown): ChangedValue[] {
  if (!isRecord(before) && !isRecord(after)) {
    return text(before) === text(after) ? [] : [{ key: '', before: text(before), after: text(after) }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys
    .map((key) => ({ key, before: text(from[key]), after: text(to[key]) }))
    .filter((change) => change.before !== change.after);
}
