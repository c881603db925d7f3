import { max, scaleLinear, select } from 'd3';

/** One indicator of a project: its target and what was achieved (null while nothing was reported). */
export interface TargetRow {
  id: string;
  label: string;
  target: number | null;
  achieved: number | null;
  format: (value: number) => string;
}

export interface TargetChartParams {
  rows: readonly TargetRow[];
  /** "achieved of target" text for each row, in the UI language (e.g. "12 / 20 (60%)"). */
  describe: (row: TargetRow) => string;
  width?: number;
}

export const TARGET_COLOR = '#d9e2ec';
export const ACHIEVED_COLOR = '#2f7d4a';
export const SHORT_COLOR = '#c9822b';

const TITLE = 16;
const BAR = 14;
const BLOCK = TITLE + BAR + 14;

function draw(svg: SVGSVGElement, { rows, describe, width = 480 }: TargetChartParams): void {
  const height = Math.max(1, rows.length * BLOCK);
  const root = select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const blocks = root
    .selectAll<SVGGElement, TargetRow>('g.target')
    .data(rows, (row) => row.id)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'target');
      group.append('text').attr('class', 'title').attr('y', 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', '#1f2933');
      group.append('rect').attr('class', 'goal').attr('rx', 2).attr('y', TITLE).attr('height', BAR).attr('fill', TARGET_COLOR);
      group.append('rect').attr('class', 'done').attr('rx', 2).attr('y', TITLE).attr('height', BAR);
      group.append('line').attr('class', 'mark').attr('y1', TITLE - 2).attr('y2', TITLE + BAR + 2).attr('stroke', '#1f2933').attr('stroke-width', 1.5);
      group.append('text').attr('class', 'value').attr('font-size', 11).attr('fill', '#1f2933').attr('y', TITLE + BAR - 3);
      return group;
    })
    .attr('data-target', (row) => row.id)
    .attr('transform', (_, index) => `translate(0, ${index * BLOCK})`);

  // Each indicator has its own unit, so its own scale: the larger of target and achieved spans 65% of the row.
  const room = width * 0.65;
  blocks.each(function (row) {
    const x = scaleLinear()
      .domain([0, max([row.target ?? 0, row.achieved ?? 0]) || 1])
      .range([0, room]);
    const group = select(this);
    group.select('text.title').text(row.label);
    group.select('rect.goal').attr('width', row.target === null ? 0 : Math.max(1, x(row.target)));
    group
      .select('rect.done')
      .attr('width', row.achieved === null ? 0 : Math.max(1, x(row.achieved)))
      .attr('fill', row.target !== null && row.achieved !== null && row.achieved < row.target ? SHORT_COLOR : ACHIEVED_COLOR);
    group
      .select('line.mark')
      .attr('x1', row.target === null ? 0 : x(row.target))
      .attr('x2', row.target === null ? 0 : x(row.target))
      .attr('visibility', row.target === null ? 'hidden' : 'visible');
    group
      .select('text.value')
      .attr('x', Math.max(row.target === null ? 0 : x(row.target), row.achieved === null ? 0 : x(row.achieved)) + 8)
      .text(describe(row));
  });
}

/** A Svelte action: each indicator's target as a light bar with a mark, what was achieved over it, drawn with d3. */
export function targetChart(svg: SVGSVGElement, params: TargetChartParams) {
  draw(svg, params);
  return { update: (next: TargetChartParams) => draw(svg, next) };
}
