import { describe } from 'vitest';
import { CrossExchange } from './cross-exchange.ts';
import { itFollowsTheNodeOperatorContract, type ExpectedMove } from './operator-contract.ts';

/** The run of `lengthU` clients from u and the run of `lengthV` from v trade places between two routes. */
function crossExchange(lengthU: number, lengthV: number): ExpectedMove {
  return (plan, u, v) => {
    if (v.index < 0 || u.route === v.route) return null;
    if (u.index + lengthU > plan[u.route]!.length || v.index + lengthV > plan[v.route]!.length) return null;
    const result = plan.map((route) => route.slice());
    const runU = result[u.route]!.slice(u.index, u.index + lengthU);
    const runV = result[v.route]!.slice(v.index, v.index + lengthV);
    result[u.route]!.splice(u.index, lengthU, ...runV);
    result[v.route]!.splice(v.index, lengthV, ...runU);
    return [result];
  };
}

describe('CrossExchange (2, 1)', () => {
  itFollowsTheNodeOperatorContract((context) => new CrossExchange(context, 2, 1), crossExchange(2, 1));
});

describe('CrossExchange (2, 2)', () => {
  itFollowsTheNodeOperatorContract((context) => new CrossExchange(context, 2, 2), crossExchange(2, 2));
});
