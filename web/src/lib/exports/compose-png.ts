import type { LegendRowView, LegendSection } from '$lib/map/legend-section';
import type { RenderedMap } from './render-map';

/** What is written on the image besides the map, in the UI language. */
export interface ImageText {
  title: string;
  subtitle?: string | undefined;
  /** "Készült: 2026. 12. 04." */
  date: string;
  /** The letter on the north arrow ("É" / "N"). */
  north: string;
  legend: readonly LegendSection[];
  /** Every source in view, one credit each. */
  attributions: readonly string[];
}

const FONT = 'system-ui, "DejaVu Sans", Arial, sans-serif';
const INK = '#1e242e';
const MUTED = '#5a6270';
const PANEL = 'rgba(255, 255, 255, 0.93)';

/** A length of 1, 2 or 5 × 10ⁿ metres that fits `maxMetres`. */
export function niceLength(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((factor) => factor * power <= maxMetres) ?? 1;
  return step * power;
}

function font(size: number, weight = 400): string {
  return `${weight} ${size}px ${FONT}`;
}

function panel(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius: number): void {
  context.fillStyle = PANEL;
  context.beginPath();
  context.roundRect(x, y, width, height, radius);
  context.fill();
}

function swatch(context: CanvasRenderingContext2D, row: LegendRowView, x: number, y: number, size: number): void {
  context.fillStyle = row.color;
  context.strokeStyle = row.color;
  const shape = row.shape ?? 'fill';
  context.beginPath();
  if (shape === 'dot' || shape === 'ring') {
    context.arc(x + size / 2, y + size / 2, size / 2.6, 0, Math.PI * 2);
    if (shape === 'ring') {
      context.lineWidth = size / 6;
      context.stroke();
    } else context.fill();
  } else if (shape === 'line') {
    context.lineWidth = size / 5;
    context.moveTo(x, y + size / 2);
    context.lineTo(x + size * 1.4, y + size / 2);
    context.stroke();
  } else if (shape === 'outline') {
    context.lineWidth = size / 7;
    context.strokeRect(x, y + size * 0.15, size * 1.4, size * 0.7);
  } else {
    context.fillRect(x, y + size * 0.15, size * 1.4, size * 0.7);
  }
}

/**
 * The exported image: the re-drawn map with a title (and date), the legend, a scale bar, a north
 * arrow and the credit of every source, all drawn on a 2D canvas at the map's own pixel ratio.
 */
export function composeImage(rendered: RenderedMap, text: ImageText, pixelRatio: number): HTMLCanvasElement {
  const canvas = rendered.canvas;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const unit = pixelRatio;
  const margin = 14 * unit;
  const pad = 10 * unit;
  context.textBaseline = 'top';

  // Credits along the bottom, wrapped to the width.
  context.font = font(11 * unit);
  const creditLines: string[] = [];
  let line = '';
  for (const credit of text.attributions) {
    const next = line ? `${line} · ${credit}` : credit;
    if (line && context.measureText(next).width > canvas.width - 2 * pad) {
      creditLines.push(line);
      line = credit;
    } else line = next;
  }
  if (line) creditLines.push(line);
  const creditHeight = creditLines.length * 15 * unit + (creditLines.length ? 8 * unit : 0);
  if (creditLines.length) {
    context.fillStyle = PANEL;
    context.fillRect(0, canvas.height - creditHeight, canvas.width, creditHeight);
    context.fillStyle = MUTED;
    creditLines.forEach((credit, index) => context.fillText(credit, pad, canvas.height - creditHeight + 4 * unit + index * 15 * unit));
  }

  // Title, subtitle and date, top left (the report prints its own, as text).
  if (text.title) drawTitle(context, text, { margin, pad, unit });

  drawNorthArrow(context, text.north, canvas.width - margin - 18 * unit, margin + 4 * unit, unit);
  drawScaleBar(context, rendered.metresPerPixel, { right: canvas.width - margin - pad, y: canvas.height - creditHeight - margin - 14 * unit, pad, unit });
  if (text.legend.length) drawLegend(context, text.legend, { left: margin, bottom: canvas.height - creditHeight - margin, pad, unit });
  return canvas;
}

interface Spacing {
  margin: number;
  pad: number;
  unit: number;
}

function drawTitle(context: CanvasRenderingContext2D, text: ImageText, { margin, pad, unit }: Spacing): void {
  const titleLines: [string, string, string][] = [[text.title, font(20 * unit, 700), INK]];
  if (text.subtitle) titleLines.push([text.subtitle, font(13 * unit), INK]);
  titleLines.push([text.date, font(12 * unit), MUTED]);
  const lineHeights = titleLines.map(([, style]) => (style.includes('700') ? 26 : 18) * unit);
  const titleWidth = Math.max(...titleLines.map(([words, style]) => ((context.font = style), context.measureText(words).width)));
  panel(context, margin, margin, titleWidth + 2 * pad, lineHeights.reduce((sum, height) => sum + height, 0) + 2 * pad - 4 * unit, 6 * unit);
  let y = margin + pad;
  titleLines.forEach(([words, style, color], index) => {
    context.font = style;
    context.fillStyle = color;
    context.fillText(words, margin + pad, y);
    y += lineHeights[index]!;
  });
}

/** The maps do not rotate, so north is up. */
function drawNorthArrow(context: CanvasRenderingContext2D, letter: string, arrowX: number, arrowTop: number, unit: number): void {
  panel(context, arrowX - 16 * unit, arrowTop - 4 * unit, 32 * unit, 52 * unit, 6 * unit);
  context.fillStyle = INK;
  context.beginPath();
  context.moveTo(arrowX, arrowTop + 2 * unit);
  context.lineTo(arrowX + 9 * unit, arrowTop + 30 * unit);
  context.lineTo(arrowX, arrowTop + 24 * unit);
  context.lineTo(arrowX - 9 * unit, arrowTop + 30 * unit);
  context.closePath();
  context.fill();
  context.font = font(13 * unit, 700);
  context.textAlign = 'center';
  context.fillText(letter, arrowX, arrowTop + 32 * unit);
  context.textAlign = 'left';
}

function drawScaleBar(context: CanvasRenderingContext2D, metresPerPixel: number, { right: barRight, y: barY, pad, unit }: { right: number; y: number; pad: number; unit: number }): void {
  const maxBar = 160 * unit;
  const metres = niceLength(metresPerPixel * maxBar);
  const barWidth = metres / metresPerPixel;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  panel(context, barRight - barWidth - pad, barY - 22 * unit, barWidth + 2 * pad, 34 * unit, 6 * unit);
  context.fillStyle = INK;
  context.fillRect(barRight - barWidth, barY, barWidth, 4 * unit);
  context.fillRect(barRight - barWidth, barY - 5 * unit, 2 * unit, 9 * unit);
  context.fillRect(barRight - 2 * unit, barY - 5 * unit, 2 * unit, 9 * unit);
  context.font = font(12 * unit, 600);
  context.textAlign = 'center';
  context.fillText(label, barRight - barWidth / 2, barY - 19 * unit);
  context.textAlign = 'left';
}

function drawLegend(context: CanvasRenderingContext2D, legend: readonly LegendSection[], { left, bottom, pad, unit }: { left: number; bottom: number; pad: number; unit: number }): void {
  const rowHeight = 18 * unit;
  const titleHeight = 20 * unit;
  const gap = 8 * unit;
  const size = 12 * unit;
  let width = 0;
  let height = 0;
  for (const section of legend) {
    context.font = font(12.5 * unit, 700);
    width = Math.max(width, context.measureText(section.title).width);
    context.font = font(12 * unit);
    for (const row of section.rows) width = Math.max(width, size * 1.4 + 6 * unit + context.measureText(row.label).width);
    height += titleHeight + section.rows.length * rowHeight + gap;
  }
  height -= gap;
  const top = bottom - height - 2 * pad;
  panel(context, left, top, width + 2 * pad, height + 2 * pad, 6 * unit);
  let rowY = top + pad;
  for (const section of legend) {
    context.font = font(12.5 * unit, 700);
    context.fillStyle = INK;
    context.fillText(section.title, left + pad, rowY);
    rowY += titleHeight;
    context.font = font(12 * unit);
    for (const row of section.rows) {
      swatch(context, row, left + pad, rowY, size);
      context.fillStyle = INK;
      context.fillText(row.label, left + pad + size * 1.4 + 6 * unit, rowY);
      rowY += rowHeight;
    }
    rowY += gap;
  }
}
