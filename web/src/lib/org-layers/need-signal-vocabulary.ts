/** The need categories and urgencies of need signals (db/src/schema.ts, data-import kinds). */

export type NeedCategory = 'food' | 'heating' | 'clothing' | 'health' | 'housing' | 'child-welfare' | 'debt' | 'other';

export const NEED_CATEGORIES: readonly NeedCategory[] = ['food', 'heating', 'clothing', 'health', 'housing', 'child-welfare', 'debt', 'other'];

export type Urgency = 'low' | 'medium' | 'high' | 'critical';

export const URGENCIES: readonly Urgency[] = ['low', 'medium', 'high', 'critical'];

export function isNeedCategory(value: string): value is NeedCategory {
  return (NEED_CATEGORIES as readonly string[]).includes(value);
}

export function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}
