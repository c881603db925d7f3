import { select } from 'd3';
import type { Localized } from '$lib/api/contract';
import type { LegendEntries } from './color-scale';

export interface LegendText {
  title: string;
  /** Unit and year, e.g. "fő · 2024". */
  subtitle: string;
  noDataLabel: string;
  /** Whether some drawn units have no value. */
  showNoData: boolean;
  noDataColor: string;
  formatValue(value: number): string;
  labelOf(label: Localized): string;
}

export interface LegendRow {
  color: string;
  label: string;
}

const TITLE_SIZE = 13;
const TEXT_SIZE = 12;
const ROW_HEIGHT = 19;
const SWATCH_WIDTH = 22;
const SWATCH_HEIGHT = 13;
/** Rough width of an average character of the UI font at TITLE_SIZE. */
const TITLE_CHAR_WIDTH = 7.2;

/** Legend rows in display order: class ranges or category labels, then "no data". */
export function legendRows(entries: LegendEntries, text: LegendText): LegendRow[] {
  const rows: LegendRow[] =
    entries.kind === 'bins'
      ? entries.bins.map((bin) => ({
          color: bin.color,
          label: bin.from === bin.to ? text.formatValue(bin.from) : `${text.formatValue(bin.from)} – ${text.formatValue(bin.to)}`,
        }))
      : entries.categories.map((category) => ({ color: category.color, label: text.labelOf(category.label) }));
  if (text.showNoData) rows.push({ color: text.noDataColor, label: text.noDataLabel });
  return rows;
}

/** Greedy word wrap by an estimated character budget (SVG text does not wrap itself). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the legend (title, unit and year, colour rows) into an SVG element with d3. */
export function renderLegend(svgElement: SVGSVGElement, entries: LegendEntries, text: LegendText, width = 248): void {
  const svg = select(svgElement);
  svg.selectAll('*').remove();

  const titleLines = wrapWords(text.title, Math.floor(width / TITLE_CHAR_WIDTH));
  let y = 0;
  const title = svg
    .append('text')
    .attr('class', 'legend-title')
    .attr('font-size', TITLE_SIZE)
    .attr('font-weight', 600)
    .attr('fill', 'currentColor');
  titleLines.forEach((line, index) => {
    y += index === 0 ? TITLE_SIZE : TITLE_SIZE + 3;
    title.append('tspan').attr('x', 0).attr('y', y).text(line);
  });

  if (text.subtitle) {
    y += TEXT_SIZE + 5;
    svg
      .append('text')
      .attr('class', 'legend-subtitle')
      .attr('x', 0)
      .attr('y', y)
      .attr('font-size', TEXT_SIZE)
      .attr('fill', 'currentColor')
      .attr('fill-opacity', 0.7)
      .text(text.subtitle);
  }
  y += 10;

  const rows = legendRows(entries, text);
  const row = svg
    .append('g')
    .attr('class', 'legend-rows')
    .selectAll('g')
    .data(rows)
    .join('g')
    .attr('transform', (_, index) => `translate(0, ${y + index * ROW_HEIGHT})`);
  row
    .append('rect')
    .attr('width', SWATCH_WIDTH)
    .attr('height', SWATCH_HEIGHT)
    .attr('y', (ROW_HEIGHT - SWATCH_HEIGHT) / 2 - 1)
    .attr('rx', 2)
    .attr('fill', (entry) => entry.color)
    .attr('stroke', 'rgba(0,0,0,0.18)');
  row
    .append('text')
    .attr('x', SWATCH_WIDTH + 8)
    .attr('y', ROW_HEIGHT / 2 + TEXT_SIZE / 2 - 2)
    .attr('font-size', TEXT_SIZE)
    .attr('fill', 'currentColor')
    .text((entry) => entry.label);

  const height = y + rows.length * ROW_HEIGHT;
  // Shrink to the drawn content so the card hugs short legends.
  const contentWidth = Math.ceil(svgElement.getBBox?.().width ?? width);
  const fitted = Math.min(width, Math.max(120, contentWidth + 2));
  svg.attr('width', fitted).attr('height', height).attr('viewBox', `0 0 ${fitted} ${height}`);
}
