import { max, scaleLinear, select } from 'd3';

/** One figure drawn as a pair of bars: the existing institutions alone, then with the plan. */
export interface ChartMetric {
  id: string;
  label: string;
  before: number | null;
  after: number | null;
  format: (value: number) => string;
}

export interface BeforeAfterChartParams {
  metrics: readonly ChartMetric[];
  beforeLabel: string;
  afterLabel: string;
  /** Text for a figure that does not exist (a mean distance without any site). */
  noneLabel: string;
  width?: number;
}

export const BEFORE_COLOR = '#9aa5b1';
export const AFTER_COLOR = '#2166ac';

const TITLE = 16;
const BAR = 14;
const GAP = 4;
const BLOCK = TITLE + 2 * BAR + GAP + 14;
const LABEL_WIDTH = 62;

function draw(svg: SVGSVGElement, { metrics, beforeLabel, afterLabel, noneLabel, width = 320 }: BeforeAfterChartParams): void {
  const height = metrics.length * BLOCK;
  const root = select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const blocks = root
    .selectAll<SVGGElement, ChartMetric>('g.metric')
    .data(metrics, (metric) => metric.id)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'metric');
      group.append('text').attr('class', 'title').attr('y', 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', '#1f2933');
      return group;
    })
    .attr('data-metric', (metric) => metric.id)
    .attr('transform', (_, index) => `translate(0, ${index * BLOCK})`);
  blocks.select<SVGTextElement>('text.title').text((metric) => metric.label);

  blocks.each(function (metric) {
    // Each figure has its own unit, so its own scale; the larger of the pair spans 70% of the room.
    const values = [metric.before, metric.after];
    const x = scaleLinear()
      .domain([0, max(values, (value) => value ?? 0) || 1])
      .range([0, (width - LABEL_WIDTH) * 0.7]);
    const rows = [
      { key: 'before', label: beforeLabel, value: metric.before, color: BEFORE_COLOR },
      { key: 'after', label: afterLabel, value: metric.after, color: AFTER_COLOR },
    ];
    const row = select(this)
      .selectAll<SVGGElement, (typeof rows)[number]>('g.bar')
      .data(rows, (entry) => entry.key)
      .join((enter) => {
        const group = enter.append('g').attr('class', 'bar');
        group.append('text').attr('class', 'side').attr('font-size', 11).attr('fill', '#52606d');
        group.append('rect').attr('rx', 2);
        group.append('text').attr('class', 'value').attr('font-size', 11).attr('font-weight', 600).attr('fill', '#1f2933');
        return group;
      })
      .attr('data-side', (entry) => entry.key)
      .attr('transform', (_, index) => `translate(0, ${TITLE + index * (BAR + GAP)})`);
    row.select('text.side').attr('y', BAR - 3).text((entry) => entry.label);
    row
      .select('rect')
      .attr('x', LABEL_WIDTH)
      .attr('height', BAR)
      .attr('fill', (entry) => entry.color)
      .attr('width', (entry) => (entry.value === null ? 0 : Math.max(1, x(entry.value))));
    row
      .select('text.value')
      .attr('x', (entry) => LABEL_WIDTH + (entry.value === null ? 0 : Math.max(1, x(entry.value))) + 5)
      .attr('y', BAR - 3)
      .text((entry) => (entry.value === null ? noneLabel : metric.format(entry.value)));
  });
}

/** A Svelte action: before/after bar pairs drawn with d3 into an `<svg>`. */
export function beforeAfterChart(svg: SVGSVGElement, params: BeforeAfterChartParams) {
  draw(svg, params);
  return { update: (next: BeforeAfterChartParams) => draw(svg, next) };
}
