import { ApiError } from '$lib/api/api-error';
import { describeError } from '$lib/api/describe-error';
import type { MessageKey } from '$lib/i18n/dictionary';

/** A readable message for a failed check, import or rollback: the import-specific cases first. */
export function describeImportError(error: unknown, context: MessageKey, translate: (key: MessageKey) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'FILE_TOO_LARGE' || error.status === 413) {
      return `${translate(context)} ${translate('import.error.tooLarge')}`;
    }
    if (error.code === 'IMPORT_ALREADY_ROLLED_BACK') return translate('import.error.alreadyRolledBack');
  }
  return describeError(error, context, translate);
}
