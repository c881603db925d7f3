import { ACTIVITY_KINDS, CASE_DOMAINS, CASE_HELP, CASE_STATUSES, EXPERIENCE_LEVELS, MEMBER_KINDS, PARTNER_KINDS, PROJECT_STATUSES } from '@terep/db/contract';
import { tg, type ProgrammeMessageKey } from './programme-messages';

/**
 * The controlled lists of the programme imports, as the import page's column help names them. The
 * words are the catalogue's, which are among the importer's accepted values in both languages
 * (data-import/src/org-data/kinds/kinds.ts matches them accent- and case-insensitively).
 */
const LISTS = {
  partnerKinds: { prefix: 'partnerKind', values: PARTNER_KINDS },
  projectStatuses: { prefix: 'status', values: PROJECT_STATUSES },
  memberKinds: { prefix: 'memberKind', values: MEMBER_KINDS },
  experience: { prefix: 'experience', values: EXPERIENCE_LEVELS },
  domains: { prefix: 'domain', values: CASE_DOMAINS },
  help: { prefix: 'help', values: CASE_HELP },
  caseStatuses: { prefix: 'caseStatus', values: CASE_STATUSES },
  activityKinds: { prefix: 'activityKind', values: ACTIVITY_KINDS },
} as const;

export type ProgrammeChoiceList = keyof typeof LISTS;

export function isProgrammeChoiceList(key: string): key is ProgrammeChoiceList {
  return key in LISTS;
}

/** "önkormányzat · civil szervezet · …" in the UI language. */
export function programmeChoiceText(list: ProgrammeChoiceList): string {
  const { prefix, values } = LISTS[list];
  return values.map((value) => tg(`${prefix}.${value}` as ProgrammeMessageKey).toLowerCase()).join(' · ');
}
