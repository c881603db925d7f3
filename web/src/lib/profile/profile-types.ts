export type { ProfileIndicator, SettlementProfile } from '@terep/db/contract';
