import { scaleLinear, select } from 'd3';

export interface UtilisationBarParams {
  /** load / capacity; null when the capacity is unlimited. */
  utilisation: number | null;
  color: string;
  width?: number;
  height?: number;
}

/** Scale tops out at 120% so an over-full warehouse still shows how far over it is. */
const SCALE_MAX = 1.2;

function draw(svg: SVGSVGElement, { utilisation, color, width = 72, height = 10 }: UtilisationBarParams): void {
  const x = scaleLinear().domain([0, SCALE_MAX]).range([0, width]).clamp(true);
  const root = select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root
    .selectAll('rect.track')
    .data([0])
    .join('rect')
    .attr('class', 'track')
    .attr('width', width)
    .attr('height', height)
    .attr('rx', 2)
    .attr('fill', '#e8ebef');
  root
    .selectAll('rect.value')
    .data(utilisation === null ? [] : [utilisation])
    .join('rect')
    .attr('class', 'value')
    .attr('height', height)
    .attr('rx', 2)
    .attr('width', (value) => x(value))
    .attr('fill', (value) => (value > 1 ? '#b42318' : color));
  // The 100% mark.
  root
    .selectAll('line.full')
    .data(utilisation === null ? [] : [1])
    .join('line')
    .attr('class', 'full')
    .attr('x1', x(1))
    .attr('x2', x(1))
    .attr('y1', 0)
    .attr('y2', height)
    .attr('stroke', '#16213a')
    .attr('stroke-width', 1);
}

/** A Svelte action: a utilisation bar drawn with d3 into an `<svg>`. */
export function utilisationBar(svg: SVGSVGElement, params: UtilisationBarParams) {
  draw(svg, params);
  return { update: (next: UtilisationBarParams) => draw(svg, next) };
}
