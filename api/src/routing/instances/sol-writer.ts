import type { Solution } from '../solution.ts';
import type { BenchmarkInstance } from './benchmark-instance.ts';

/** The CVRPLIB `.sol` layout: `Route #1: 3 7 12` per non-empty route, clients as the benchmark numbers them, then `Cost N`. */
export function formatSolution(instance: BenchmarkInstance, solution: Solution, cost: number): string {
  const lines: string[] = [];
  for (const route of solution.routes) {
    if (route.clients.length === 0) continue;
    lines.push(`Route #${lines.length + 1}: ${route.clients.map((client) => instance.labels[client]).join(' ')}`);
  }
  lines.push(`Cost ${formatCost(instance, cost)}`);
  return `${lines.join('\n')}\n`;
}

/** An internal cost in the benchmark's own units and decimals. */
export function formatCost(instance: BenchmarkInstance, cost: number): string {
  return (cost / instance.costScale).toFixed(instance.costDecimals);
}

/** Client indices of a parsed `.sol` route list, by label; throws on a label the instance does not have. */
export function solutionFromLabels(instance: BenchmarkInstance, routes: string[][]): Solution {
  const byLabel = new Map(instance.labels.map((label, client) => [label, client]));
  return {
    routes: routes.map((labels) => ({
      vehicleType: 0,
      clients: labels.map((label) => {
        const client = byLabel.get(label);
        if (client === undefined) throw new Error(`client ${label} does not exist in ${instance.name}`);
        return client;
      }),
    })),
  };
}
