import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import { attributionText } from '$lib/map/attribution';
import { composeImage, type ImageText } from './compose-png';
import { tableCsv, tableGeoJson } from './csv-table';
import { downloadBlob, exportFileName } from './download';
import { tx } from './export-messages';
import type { ExportView } from './export-types';
import { exportSize, type ExportSizeId } from './page-sizes';
import { withPngText } from './png-text';
import { canvasPng, svgPng } from './svg-image';

/** Thrown when there is nothing to export; its message is already in the UI language. */
export class ExportUnavailable extends Error {}

function dateText(date: Date, locale: Locale): string {
  return tx('export.madeOn', { date: new Intl.DateTimeFormat(locale === 'hu' ? 'hu-HU' : 'en-GB', { dateStyle: 'long' }).format(date) });
}

async function sourcesOf(view: ExportView, locale: Locale): Promise<string[]> {
  const attributions = typeof view.attributions === 'function' ? await view.attributions() : view.attributions;
  return attributions.map((attribution) => attributionText(attribution, locale));
}

async function imageText(view: ExportView, locale: Locale, date: Date): Promise<ImageText> {
  return {
    title: view.title,
    subtitle: view.subtitle,
    date: dateText(date, locale),
    north: tx('export.north'),
    legend: view.legend,
    attributions: await sourcesOf(view, locale),
  };
}

/** The legend as plain lines, for the image's text chunk. */
function legendLines(view: ExportView): string {
  return view.legend.map((section) => `${section.title}: ${section.rows.map((row) => row.label).join('; ')}`).join('\n');
}

/** The map image with title, legend, scale bar, north arrow, date and sources, as an ordinary download. */
export async function exportPng(view: ExportView, sizeId: ExportSizeId, locale: Locale): Promise<{ width: number; height: number }> {
  const snapshot = view.snapshot();
  if (!snapshot) throw new ExportUnavailable(tx('export.noMap'));
  const element = snapshot.map.getContainer();
  const size = exportSize(sizeId, { width: element.clientWidth, height: element.clientHeight, pixelRatio: window.devicePixelRatio || 1 });
  const date = new Date();
  // maplibre and deck.gl load with the map, never with the page: so does the renderer.
  const { renderMap } = await import('./render-map');
  const rendered = await renderMap(snapshot, size, sizeId === 'screen');
  const text = await imageText(view, locale, date);
  const png = await canvasPng(composeImage(rendered, text, size.pixelRatio));
  const tagged = withPngText(png, {
    Title: view.title,
    Description: legendLines(view),
    Source: text.attributions.join(' · '),
    'Creation Time': date.toISOString(),
    Software: 'Terep',
  });
  downloadBlob(new Blob([tagged as BlobPart], { type: 'image/png' }), exportFileName(view.slug, 'png', date));
  return size;
}

/** The report, A4 landscape, in the UI language. */
export async function exportPdf(view: ExportView, locale: Locale): Promise<void> {
  const snapshot = view.snapshot();
  if (!snapshot) throw new ExportUnavailable(tx('export.noMap'));
  // pdf-lib and the fonts load only when a report is made.
  const [{ buildReport, REPORT_MAP_BOX }, { renderMap }] = await Promise.all([import('./pdf-report'), import('./render-map')]);
  const date = new Date();
  // The map at 150 dpi in its box on the page (points are 1/72 inch).
  const dpi = 150;
  const size = { width: Math.round((REPORT_MAP_BOX.width / 72) * dpi), height: Math.round((REPORT_MAP_BOX.height / 72) * dpi), pixelRatio: dpi / 96 };
  const rendered = await renderMap(snapshot, size, false);
  const mapPng = await canvasPng(composeImage(rendered, { ...(await imageText(view, locale, date)), title: '', legend: [], attributions: [] }, size.pixelRatio));
  const charts = await Promise.all((view.charts?.() ?? []).map((svg) => svgPng(svg, 2)));
  const tables = view.tables();
  const pdf = await buildReport({
    title: view.title,
    subtitle: view.subtitle,
    date: dateText(date, locale),
    mapPng,
    legend: view.legend,
    figures: view.figures ?? [],
    charts,
    table: view.reportTable ? (tables.find((table) => table.id === view.reportTable) ?? null) : null,
    sources: await sourcesOf(view, locale),
    formatNumber: (value) => formatNumber(value, locale),
    headings: {
      legend: tx('export.legend'),
      figures: tx('export.figures'),
      charts: tx('export.charts'),
      sources: tx('export.sources'),
      page: (page) => tx('export.page', { page }),
      rowsLeft: (count) => tx('export.rowsLeft', { count }),
    },
  });
  downloadBlob(new Blob([pdf as BlobPart], { type: 'application/pdf' }), exportFileName(view.slug, 'pdf', date));
}

function tableOf(view: ExportView, tableId: string | null) {
  const tables = view.tables();
  const table = tables.find((entry) => entry.id === tableId) ?? tables[0];
  if (!table || table.rows.length === 0) throw new ExportUnavailable(tx('export.noData'));
  return table;
}

/** A table behind the view as Hungarian Excel CSV (BOM, `;`, decimal comma), values as on screen. */
export function exportCsv(view: ExportView, tableId: string | null, locale: Locale): void {
  const table = tableOf(view, tableId);
  downloadBlob(new Blob([tableCsv(table, locale)], { type: 'text/csv;charset=utf-8' }), exportFileName(`${view.slug}-${table.id}`, 'csv', new Date()));
}

/** The same table as GeoJSON: one feature per row with its geometry. */
export function exportGeoJson(view: ExportView, tableId: string | null): void {
  const table = tableOf(view, tableId);
  downloadBlob(new Blob([JSON.stringify(tableGeoJson(table))], { type: 'application/geo+json' }), exportFileName(`${view.slug}-${table.id}`, 'geojson', new Date()));
}
