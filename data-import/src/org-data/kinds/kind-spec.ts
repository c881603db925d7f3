import type { ImportKind } from '@terep/db';
import type { FieldSpec } from '../column-map.ts';

export interface Choice {
  key: string;
  /** Spellings that mean this choice, compared accent- and case-insensitively (its names in both languages among them). */
  aliases: readonly string[];
}

export type ValueType =
  | { type: 'text' }
  | { type: 'integer' }
  | { type: 'number' }
  | { type: 'percent' }
  | { type: 'year' }
  | { type: 'date' }
  /** `choices: 'institution-types'` is filled from the database, where an admin may extend the list. */
  | { type: 'choice'; choices: readonly Choice[] | 'institution-types'; default?: string }
  /** Several choices in one cell, separated by ";" (or "|", or a line break); the keys joined by ";". */
  | { type: 'choices'; choices: readonly Choice[] | 'institution-types' }
  /**
   * Names of things already stored (a partner, a district…), one or a list (`many`); kept as text
   * while the row is read, then resolved to their ids or codes (`resolve-references.ts`).
   */
  | { type: 'reference'; to: ReferenceTarget; many?: boolean };

/**
 * What a `reference` field names. `project` is named by the row's `programme` and `project` fields together;
 * a `network` is created on import when it is not stored yet, so its names are only tidied.
 */
export type ReferenceTarget = 'settlement' | 'district' | 'segregated-area' | 'partner' | 'project' | 'network';

export interface ValueField extends FieldSpec {
  value: ValueType;
}

/** How one kind of the organisations' data is read: its columns and what a row must hold. */
export interface KindSpec {
  kind: ImportKind;
  title: { hu: string; en: string };
  /**
   * 'point': a place per row (coordinates, or the settlement's centre); 'polygon': a geometry per row; 'settlement': only the settlement;
   * 'areas': no single place, the row names its settlements, districts or segregated areas in `reference` fields (programmes, network members).
   */
  place: 'point' | 'polygon' | 'settlement' | 'areas';
  fields: Record<string, ValueField>;
  /** Rejects files whose headers suggest personal data (need signals: counts only; cases and network members: pseudonymous). */
  guardsPersonalData: boolean;
  /** Why the kind refuses personal data, in the refusal's words (need signals' wording when absent). */
  personalDataReason?: { hu: string; en: string };
  /** Fields whose values together must be new: not stored yet and not twice in the file (e.g. a network's case number). */
  uniqueKey?: readonly string[];
  /** At least one of these fields must hold a value in every row. */
  oneOf?: readonly string[];
}
