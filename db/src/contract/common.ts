/** A text in both UI languages. */
export interface LocalisedText {
  hu: string;
  en: string;
}
