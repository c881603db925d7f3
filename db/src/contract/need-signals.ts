/** The need categories and urgencies of a signal (the import's controlled lists). */
export type NeedCategory = 'food' | 'heating' | 'clothing' | 'health' | 'housing' | 'child-welfare' | 'debt' | 'other';
export const NEED_CATEGORIES: readonly NeedCategory[] = ['food', 'heating', 'clothing', 'health', 'housing', 'child-welfare', 'debt', 'other'];
export type Urgency = 'low' | 'medium' | 'high' | 'critical';
export const URGENCIES: readonly Urgency[] = ['low', 'medium', 'high', 'critical'];

/**
 * The body of `POST /api/need-signals` (and, every field optional, of `PATCH`): the import's
 * fields, checked by the import's own rules. Numbers may come as numbers or as text.
 */
export interface NeedSignalInput {
  settlementCode: string;
  category: string;
  urgency?: string | undefined;
  households?: number | string | null | undefined;
  persons?: number | string | null | undefined;
  /** YYYY-MM-DD (or YYYY.MM.DD., as in a file). */
  date: string;
  organisation: string;
}

/** One raw signal row (`GET /api/need-signals`): for admins, and for regional users in their counties only. */
export interface NeedSignalRecord {
  id: number;
  settlementCode: string;
  settlementName: string;
  countyCode: string;
  category: NeedCategory;
  urgency: Urgency;
  households: number | null;
  persons: number | null;
  date: string;
  organisation: string;
  /** The import that brought it, or null when recorded by hand. */
  importId: number | null;
  recordedBy: string | null;
  recordedAt: string;
  updatedAt: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

export interface NeedSignalList {
  signals: NeedSignalRecord[];
}

export interface NeedSignalCreated {
  id: number;
}
