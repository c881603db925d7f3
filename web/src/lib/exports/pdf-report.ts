import fontkit from '@pdf-lib/fontkit';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import type { LegendSection } from '$lib/map/legend-section';
import type { DataTable, KeyFigure } from './export-types';

/** What the report says, in the UI language; the map comes as a PNG drawn at the report's resolution. */
export interface ReportContent {
  title: string;
  subtitle?: string | undefined;
  date: string;
  mapPng: Uint8Array;
  legend: readonly LegendSection[];
  figures: readonly KeyFigure[];
  charts: readonly { png: Uint8Array; width: number; height: number }[];
  table: DataTable | null;
  sources: readonly string[];
  /** A number of the table as the UI writes it. */
  formatNumber: (value: number) => string;
  headings: { legend: string; figures: string; charts: string; sources: string; page: (page: number) => string; rowsLeft: (count: number) => string };
}

/** A4 landscape in points. */
export const REPORT_PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 36;
/** The map's box on the first page (points); the right column holds the legend and key figures. */
export const REPORT_MAP_BOX = { width: 540, height: 400 };
const INK = rgb(0.12, 0.14, 0.18);
const MUTED = rgb(0.35, 0.38, 0.44);
const RULE = rgb(0.85, 0.87, 0.9);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A CSS colour as pdf-lib's RGB, read back through a canvas so every CSS form (names, hex, rgb()) works. */
function pdfColor(css: string): RGB {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return INK;
  context.fillStyle = css;
  const value = context.fillStyle;
  const hex = /^#([0-9a-f]{6})$/i.exec(value)?.[1];
  if (hex) return rgb(parseInt(hex.slice(0, 2), 16) / 255, parseInt(hex.slice(2, 4), 16) / 255, parseInt(hex.slice(4, 6), 16) / 255);
  const parts = /rgba?\(([^)]+)\)/.exec(value)?.[1]?.split(',').map((part) => Number(part.trim())) ?? [0, 0, 0];
  return rgb((parts[0] ?? 0) / 255, (parts[1] ?? 0) / 255, (parts[2] ?? 0) / 255);
}

/** Greedy word wrap by the font's real advance widths. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes wrapped text from `y` downwards; returns the y below it. */
function paragraph(page: PDFPage, text: string, options: { x: number; y: number; width: number; font: PDFFont; size: number; color?: RGB }): number {
  let y = options.y;
  for (const line of wrap(text, options.font, options.size, options.width)) {
    page.drawText(line, { x: options.x, y: y - options.size, size: options.size, font: options.font, color: options.color ?? INK });
    y -= options.size * 1.3;
  }
  return y;
}

/** Shortens a cell to its column's width, with an ellipsis. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

async function loadFonts(document: PDFDocument): Promise<Fonts> {
  document.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([regularUrl, boldUrl].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
  // Subset: only the glyphs used go into the file (DejaVu Sans covers ő and ű, which the standard PDF fonts lack).
  return { regular: await document.embedFont(regular!, { subset: true }), bold: await document.embedFont(bold!, { subset: true }) };
}

function drawLegend(page: PDFPage, legend: readonly LegendSection[], fonts: Fonts, x: number, top: number, width: number): number {
  let y = top;
  for (const section of legend) {
    y = paragraph(page, section.title, { x, y, width, font: fonts.bold, size: 9.5 });
    for (const row of section.rows) {
      const color = pdfColor(row.color);
      const shape = row.shape ?? 'fill';
      if (shape === 'dot' || shape === 'ring') page.drawCircle({ x: x + 6, y: y - 5, size: 4, ...(shape === 'ring' ? { borderColor: color, borderWidth: 1.5 } : { color }) });
      else if (shape === 'line') page.drawLine({ start: { x, y: y - 5 }, end: { x: x + 14, y: y - 5 }, thickness: 2, color });
      else page.drawRectangle({ x, y: y - 9, width: 14, height: 8, ...(shape === 'outline' ? { borderColor: color, borderWidth: 1.2 } : { color }) });
      y = paragraph(page, row.label, { x: x + 20, y, width: width - 20, font: fonts.regular, size: 8.5 });
    }
    y -= 6;
  }
  return y;
}

function drawTable(table: DataTable, fonts: Fonts, content: ReportContent, startPage: PDFPage, startY: number, newPage: () => PDFPage): void {
  const width = REPORT_PAGE.width - 2 * MARGIN;
  const columnWidth = width / table.columns.length;
  const size = 8;
  const rowHeight = 12;
  let page = startPage;
  let y = paragraph(page, table.title, { x: MARGIN, y: startY, width, font: fonts.bold, size: 11 }) - 4;
  const header = () => {
    table.columns.forEach((column, index) => page.drawText(fit(column.label, fonts.bold, size, columnWidth - 4), { x: MARGIN + index * columnWidth, y: y - size, size, font: fonts.bold, color: INK }));
    y -= rowHeight;
    page.drawLine({ start: { x: MARGIN, y: y + 3 }, end: { x: MARGIN + width, y: y + 3 }, thickness: 0.5, color: RULE });
  };
  header();
  // The report lists what fits on a few pages; the CSV export carries every row.
  const limit = 200;
  for (const [rowIndex, row] of table.rows.slice(0, limit).entries()) {
    if (y < MARGIN + rowHeight) {
      page = newPage();
      y = REPORT_PAGE.height - MARGIN;
      header();
    }
    table.columns.forEach((column, index) => {
      const value = row[column.key];
      const text = value === null || value === undefined ? '' : typeof value === 'number' ? content.formatNumber(value) : value;
      page.drawText(fit(text, fonts.regular, size, columnWidth - 4), { x: MARGIN + index * columnWidth, y: y - size, size, font: fonts.regular, color: INK });
    });
    y -= rowHeight;
    if (rowIndex === limit - 1 && table.rows.length > limit) paragraph(page, content.headings.rowsLeft(table.rows.length - limit), { x: MARGIN, y, width, font: fonts.regular, size, color: MUTED });
  }
}

/**
 * The report of a view, A4 landscape: title and date, the map with its legend and key figures beside
 * it, the sources, then the page's charts and its table. All words are real text in an embedded
 * DejaVu Sans (searchable and copyable); the map and the charts are images.
 */
export async function buildReport(content: ReportContent): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(content.title);
  document.setCreator('Terep');
  document.setProducer('Terep (pdf-lib)');
  const fonts = await loadFonts(document);
  let pageNumber = 0;
  const newPage = (): PDFPage => {
    const page = document.addPage([REPORT_PAGE.width, REPORT_PAGE.height]);
    pageNumber++;
    const label = content.headings.page(pageNumber);
    page.drawText(label, { x: REPORT_PAGE.width - MARGIN - fonts.regular.widthOfTextAtSize(label, 8), y: MARGIN / 2, size: 8, font: fonts.regular, color: MUTED });
    return page;
  };

  const first = newPage();
  let y = REPORT_PAGE.height - MARGIN;
  y = paragraph(first, content.title, { x: MARGIN, y, width: REPORT_PAGE.width - 2 * MARGIN, font: fonts.bold, size: 18 });
  if (content.subtitle) y = paragraph(first, content.subtitle, { x: MARGIN, y, width: REPORT_PAGE.width - 2 * MARGIN, font: fonts.regular, size: 11 });
  y = paragraph(first, content.date, { x: MARGIN, y, width: REPORT_PAGE.width - 2 * MARGIN, font: fonts.regular, size: 9, color: MUTED }) - 6;

  const image: PDFImage = await document.embedPng(content.mapPng);
  const mapTop = y;
  first.drawImage(image, { x: MARGIN, y: mapTop - REPORT_MAP_BOX.height, width: REPORT_MAP_BOX.width, height: REPORT_MAP_BOX.height });
  first.drawRectangle({ x: MARGIN, y: mapTop - REPORT_MAP_BOX.height, width: REPORT_MAP_BOX.width, height: REPORT_MAP_BOX.height, borderColor: RULE, borderWidth: 0.5 });

  const columnX = MARGIN + REPORT_MAP_BOX.width + 18;
  const columnWidth = REPORT_PAGE.width - MARGIN - columnX;
  let columnY = paragraph(first, content.headings.legend, { x: columnX, y: mapTop, width: columnWidth, font: fonts.bold, size: 11 }) - 2;
  columnY = drawLegend(first, content.legend, fonts, columnX, columnY, columnWidth);
  if (content.figures.length) {
    columnY = paragraph(first, content.headings.figures, { x: columnX, y: columnY - 4, width: columnWidth, font: fonts.bold, size: 11 }) - 2;
    for (const figure of content.figures) {
      columnY = paragraph(first, `${figure.label}: ${figure.value}`, { x: columnX, y: columnY, width: columnWidth, font: fonts.regular, size: 9 });
    }
  }
  paragraph(first, `${content.headings.sources}: ${content.sources.join(' · ')}`, { x: MARGIN, y: mapTop - REPORT_MAP_BOX.height - 6, width: REPORT_PAGE.width - 2 * MARGIN, font: fonts.regular, size: 8, color: MUTED });

  if (content.charts.length || content.table) {
    const page = newPage();
    let pageY = REPORT_PAGE.height - MARGIN;
    if (content.charts.length) {
      pageY = paragraph(page, content.headings.charts, { x: MARGIN, y: pageY, width: REPORT_PAGE.width - 2 * MARGIN, font: fonts.bold, size: 11 }) - 4;
      let x = MARGIN;
      let rowHeight = 0;
      for (const chart of content.charts) {
        const embedded = await document.embedPng(chart.png);
        // Charts keep their on-screen size in points (1 CSS px = 0.75 pt), shrunk only to fit the page.
        const scale = Math.min(0.75, (REPORT_PAGE.width - 2 * MARGIN) / chart.width, 220 / chart.height);
        const width = chart.width * scale;
        const height = chart.height * scale;
        if (x + width > REPORT_PAGE.width - MARGIN) {
          x = MARGIN;
          pageY -= rowHeight + 10;
          rowHeight = 0;
        }
        page.drawImage(embedded, { x, y: pageY - height, width, height });
        x += width + 14;
        rowHeight = Math.max(rowHeight, height);
      }
      pageY -= rowHeight + 18;
    }
    if (content.table) drawTable(content.table, fonts, content, page, pageY, newPage);
  }
  return document.save();
}
