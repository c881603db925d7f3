export { itemRoutes } from './items.ts';
export { requestRoutes } from './requests.ts';
export { stockRoutes } from './stock.ts';
export { offerRoutes } from './offers.ts';
export { allocationRoutes } from './allocations.ts';
export { donationReportRoutes } from './reports.ts';
export { donationImportRoutes } from './imports.ts';
