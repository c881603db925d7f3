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
  | { type: 'choice'; choices: readonly Choice[] | 'institution-types'; default?: string };

export interface ValueField extends FieldSpec {
  value: ValueType;
}

/** How one kind of the organisations' data is read: its columns and what a row must hold. */
export interface KindSpec {
  kind: ImportKind;
  title: { hu: string; en: string };
  /** 'point': a place per row (coordinates, or the settlement's centre); 'polygon': a geometry per row; 'settlement': only the settlement. */
  place: 'point' | 'polygon' | 'settlement';
  fields: Record<string, ValueField>;
  /** Rejects files whose headers suggest personal data (need signals: counts only). */
  guardsPersonalData: boolean;
  /** At least one of these fields must hold a value in every row. */
  oneOf?: readonly string[];
}
