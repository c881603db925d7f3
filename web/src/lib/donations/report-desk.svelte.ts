import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { ReportLevel, DistributedReport, OfferReport, RequestReport, StockReport } from '@terep/db/contract';
import { fetchDistributedReport, fetchOfferReport, fetchRequestReport, fetchStockReport, type DistributedQuery } from './donations-client';

/** The first day of the month a year ago, the reports' default period start. */
export function yearAgo(today: string): string {
  const [year = '2000', month = '01'] = today.split('-');
  return `${Number(year) - 1}-${month}-01`;
}

/** The reports page: distributed quantities over a period by area level and item, stock, open requests, offers. */
export class ReportDesk {
  level = $state<ReportLevel>('county');
  from = $state('');
  to = $state('');
  item = $state('');
  distributed = $state.raw<DistributedReport | null>(null);
  stock = $state.raw<StockReport | null>(null);
  requests = $state.raw<RequestReport | null>(null);
  offers = $state.raw<OfferReport | null>(null);
  readonly distributedRequest = new LatestRequest();
  readonly otherRequest = new LatestRequest();

  constructor(today: string) {
    this.from = yearAgo(today);
    this.to = today;
  }

  get query(): DistributedQuery {
    return { level: this.level, ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}), ...(this.item ? { item: this.item } : {}) };
  }

  loadDistributed(): Promise<void> {
    return this.distributedRequest.run(async (signal) => {
      this.distributed = await fetchDistributedReport(this.query, signal);
    });
  }

  loadOthers(): Promise<void> {
    return this.otherRequest.run(async (signal) => {
      const [stock, requests, offers] = await Promise.all([fetchStockReport(signal), fetchRequestReport(signal), fetchOfferReport(signal)]);
      this.stock = stock;
      this.requests = requests;
      this.offers = offers;
    });
  }

  destroy(): void {
    this.distributedRequest.destroy();
    this.otherRequest.destroy();
  }
}
