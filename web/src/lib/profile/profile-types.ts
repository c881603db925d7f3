export type { AreaProfile, AreaIndicator, AreaSettlement, AreaOrganisationData, ProfileIndicator, SettlementProfile } from '@terep/db/contract';
