import { max, scaleLinear, select } from 'd3';

/** One bar: a label (an area, a warehouse, an urgency) and its value. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
}

export interface BarChartParams {
  bars: readonly Bar[];
  /** The value as written at the bar's end ("120 csomag"). */
  format: (value: number) => string;
  /** The accessible name of the chart. */
  label: string;
  width?: number;
}

const ROW = 22;
const BAR = 14;
const LABEL_WIDTH = 170;
const VALUE_ROOM = 90;
export const BAR_COLOR = '#1d5fa8';

/** Shortens a label to what fits the label column (the full text stays in the bar's title). */
function fit(label: string): string {
  return label.length > 26 ? `${label.slice(0, 25)}…` : label;
}

function draw(svg: SVGSVGElement, { bars, format, label, width = 520 }: BarChartParams): void {
  const height = Math.max(ROW, bars.length * ROW);
  const x = scaleLinear()
    .domain([0, max(bars, (bar) => bar.value) || 1])
    .range([0, Math.max(40, width - LABEL_WIDTH - VALUE_ROOM)]);
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('width', '100%').attr('height', height).attr('role', 'img').attr('aria-label', label);
  const rows = root
    .selectAll<SVGGElement, Bar>('g.bar')
    .data(bars, (bar) => bar.key)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'bar');
      group.append('title');
      group.append('text').attr('class', 'label').attr('font-size', 12).attr('fill', '#1f2933').attr('text-anchor', 'end');
      group.append('rect').attr('rx', 2);
      group.append('text').attr('class', 'value').attr('font-size', 11).attr('font-weight', 600).attr('fill', '#1f2933');
      return group;
    })
    .attr('data-bar', (bar) => bar.key)
    .attr('transform', (_, index) => `translate(0, ${index * ROW})`);
  rows.select('title').text((bar) => `${bar.label}: ${format(bar.value)}`);
  rows
    .select('text.label')
    .attr('x', LABEL_WIDTH - 8)
    .attr('y', BAR - 2)
    .text((bar) => fit(bar.label));
  rows
    .select('rect')
    .attr('x', LABEL_WIDTH)
    .attr('height', BAR)
    .attr('fill', (bar) => bar.color ?? BAR_COLOR)
    .attr('width', (bar) => Math.max(1, x(bar.value)));
  rows
    .select('text.value')
    .attr('x', (bar) => LABEL_WIDTH + Math.max(1, x(bar.value)) + 5)
    .attr('y', BAR - 2)
    .text((bar) => format(bar.value));
}

/** A Svelte action: horizontal bars drawn with d3 into an `<svg>` (a report's chart). */
export function barChart(svg: SVGSVGElement, params: BarChartParams) {
  draw(svg, params);
  return { update: (next: BarChartParams) => draw(svg, next) };
}
