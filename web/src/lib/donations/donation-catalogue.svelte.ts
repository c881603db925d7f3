import { isMessageKey } from '$lib/i18n/dictionary';
import { i18n } from '$lib/i18n/locale.svelte';
import { fetchOrgLayer } from '$lib/org-layers/org-layers-client';
import type { WarehouseFeature } from '$lib/org-layers/org-layer-types';
import type { DonationItem } from '@terep/db/contract';
import { fetchItems } from './donations-client';
import { itemName, quantityText } from './donation-format';

/** What every donation page names things by: the controlled list of items and the imported warehouses. */
export class DonationCatalogue {
  items = $state.raw<DonationItem[]>([]);
  warehouses = $state.raw<WarehouseFeature[]>([]);
  error = $state.raw<unknown>(null);
  loaded = $state(false);

  async load(): Promise<void> {
    try {
      const [items, warehouses] = await Promise.all([fetchItems(), fetchOrgLayer('warehouses')]);
      this.items = items;
      this.warehouses = [...warehouses.features].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'hu'));
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loaded = true;
    }
  }

  itemName = (key: string): string => itemName(this.items, key, i18n.current);

  /** The item's unit in the UI language ("csomag", "m³"). */
  unitOf = (key: string): string => {
    const unit = this.items.find((item) => item.key === key)?.unit ?? '';
    const messageKey = `donations.unit.${unit}`;
    return isMessageKey(messageKey) ? i18n.t(messageKey) : unit;
  };

  /** "12 csomag", "3,5 m³". */
  amount = (key: string, quantity: number): string => i18n.t('donations.common.quantityWithUnit', { quantity: quantityText(quantity, i18n.current), unit: this.unitOf(key) });

  /** A quantity field's step: whole units for counted items. */
  stepOf = (key: string): string => (this.items.find((item) => item.key === key)?.unitKind === 'measured' ? '0.1' : '1');

  warehouseName = (id: number | null): string => (id === null ? '' : (this.warehouses.find((feature) => feature.properties.id === id)?.properties.name ?? `#${id}`));
}
