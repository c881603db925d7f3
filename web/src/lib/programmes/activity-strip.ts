import { max, scaleBand, scaleLinear, select } from 'd3';

export interface ActivityStripParams {
  /** Every month of the slider, "YYYY-MM", first to last. */
  months: readonly string[];
  /** Activities per month. */
  counts: ReadonlyMap<string, number>;
  /** The slider's month: bars after it are drawn faint. */
  until: string | null;
  width?: number;
  height?: number;
}

const SHOWN = '#14786e';
const LATER = '#c9d6d4';

function draw(svg: SVGSVGElement, { months, counts, until, width = 220, height = 34 }: ActivityStripParams): void {
  const x = scaleBand<string>().domain(months).range([0, width]).paddingInner(0.15);
  const y = scaleLinear()
    .domain([0, max(months, (month) => counts.get(month) ?? 0) || 1])
    .range([0, height - 2]);
  select(svg)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .selectAll<SVGRectElement, string>('rect')
    .data(months, (month) => month)
    .join('rect')
    .attr('x', (month) => x(month) ?? 0)
    .attr('width', Math.max(1, x.bandwidth()))
    .attr('y', (month) => height - y(counts.get(month) ?? 0))
    .attr('height', (month) => y(counts.get(month) ?? 0))
    .attr('fill', (month) => (until === null || month <= until ? SHOWN : LATER));
}

/** A Svelte action: activities per month as a strip of d3 bars above the time slider. */
export function activityStrip(svg: SVGSVGElement, params: ActivityStripParams) {
  draw(svg, params);
  return { update: (next: ActivityStripParams) => draw(svg, next) };
}
