import type { DonorKind, OfferInput, OfferLine, OfferStatus } from '@terep/db/contract';

/** A line of the form: the quantity is null while its field is empty. */
export interface LineDraft {
  item: string;
  quantity: number | null;
}

/** The form's own refusals, before anything is sent. */
export type OfferFormGap = 'noSettlement' | 'noLines' | 'noName';

/** The next steps an offer of a status can take (declining only before collection). */
export function nextSteps(status: OfferStatus): ('accepted' | 'collected' | 'received' | 'declined')[] {
  switch (status) {
    case 'offered':
      return ['accepted', 'declined'];
    case 'accepted':
      return ['collected', 'declined'];
    case 'collected':
      return ['received'];
    default:
      return [];
  }
}

/**
 * The body of `POST /api/offers` from the form: a private donor goes without name and contact
 * (the server refuses them), empty lines are dropped. Null with the gap when it cannot be sent.
 */
export function offerInputOf(form: {
  donorKind: DonorKind;
  donorName: string;
  contact: string;
  settlementCode: string | null;
  availableFrom: string;
  availableUntil: string;
  warehouseId: number | null;
  lines: readonly LineDraft[];
  note: string;
}): { input: OfferInput } | { gap: OfferFormGap } {
  if (!form.settlementCode) return { gap: 'noSettlement' };
  const lines: OfferLine[] = form.lines.flatMap((line) => (line.item && line.quantity !== null && line.quantity > 0 ? [{ item: line.item, quantity: line.quantity }] : []));
  if (lines.length === 0) return { gap: 'noLines' };
  const isPrivate = form.donorKind === 'private';
  if (!isPrivate && !form.donorName.trim()) return { gap: 'noName' };
  return {
    input: {
      donorKind: form.donorKind,
      ...(isPrivate ? {} : { donorName: form.donorName.trim(), ...(form.contact.trim() ? { contact: form.contact.trim() } : {}) }),
      settlementCode: form.settlementCode,
      ...(form.availableFrom ? { availableFrom: form.availableFrom } : {}),
      ...(form.availableUntil ? { availableUntil: form.availableUntil } : {}),
      ...(form.warehouseId !== null ? { warehouseId: form.warehouseId } : {}),
      lines,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    },
  };
}
