import type { Rng } from '../rng.ts';
import type { Penalties } from '../search/penalties.ts';
import type { Individual } from './individual.ts';

export interface PopulationParameters {
  /** Survivors kept after a selection. */
  minimumSize: number;
  /** Offspring added before the next survivor selection. */
  generationSize: number;
  /** Best individuals protected from the diversity term. */
  elite: number;
  /** Neighbours averaged for an individual's diversity contribution. */
  close: number;
}

export const DEFAULT_POPULATION: PopulationParameters = { minimumSize: 25, generationSize: 40, elite: 4, close: 5 };

interface Member {
  individual: Individual;
  /** Other members by increasing broken pairs distance. */
  proximity: Array<{ distance: number; member: Member }>;
  fitness: number;
}

/**
 * One of HGS's two subpopulations (feasible, infeasible). Members are kept sorted by penalised
 * cost; survivors are chosen on biased fitness, which ranks cost and contribution to diversity
 * together (Vidal et al. 2012), clones going first.
 */
class SubPopulation {
  readonly members: Member[] = [];

  constructor(private readonly parameters: PopulationParameters) {}

  add(individual: Individual, penalties: Penalties): void {
    const member: Member = { individual, proximity: [], fitness: 0 };
    for (const other of this.members) {
      const distance = individual.distanceTo(other.individual);
      insertSorted(other.proximity, { distance, member });
      insertSorted(member.proximity, { distance, member: other });
    }
    const cost = individual.penalisedCost(penalties);
    let place = this.members.length;
    while (place > 0 && this.members[place - 1]!.individual.penalisedCost(penalties) > cost) place -= 1;
    this.members.splice(place, 0, member);
    if (this.members.length > this.parameters.minimumSize + this.parameters.generationSize) {
      while (this.members.length > this.parameters.minimumSize) this.removeWorst();
    }
  }

  /** Re-sorts after a penalty change (infeasible members' costs move). */
  sort(penalties: Penalties): void {
    this.members.sort((a, b) => a.individual.penalisedCost(penalties) - b.individual.penalisedCost(penalties));
  }

  updateFitness(): void {
    const size = this.members.length;
    if (size === 1) {
      this.members[0]!.fitness = 0;
      return;
    }
    const byDiversity = this.members.map((member, costRank) => ({ costRank, diversity: this.diversityOf(member) }));
    byDiversity.sort((a, b) => b.diversity - a.diversity);
    const eliteWeight = 1 - this.parameters.elite / size;
    byDiversity.forEach((entry, diversityRank) => {
      const costScore = entry.costRank / (size - 1);
      const diversityScore = diversityRank / (size - 1);
      this.members[entry.costRank]!.fitness = size <= this.parameters.elite ? costScore : costScore + eliteWeight * diversityScore;
    });
  }

  clear(): void {
    this.members.length = 0;
  }

  private diversityOf(member: Member): number {
    const count = Math.min(this.parameters.close, member.proximity.length);
    let sum = 0;
    for (let index = 0; index < count; index += 1) sum += member.proximity[index]!.distance;
    return count === 0 ? 0 : sum / count;
  }

  private removeWorst(): void {
    this.updateFitness();
    let worst = -1;
    let worstIsClone = false;
    let worstFitness = -1;
    // The best member (index 0) always survives.
    for (let index = 1; index < this.members.length; index += 1) {
      const member = this.members[index]!;
      const isClone = (member.proximity[0]?.distance ?? 1) < 1e-9;
      if ((isClone && !worstIsClone) || (isClone === worstIsClone && member.fitness > worstFitness)) {
        worst = index;
        worstIsClone = isClone;
        worstFitness = member.fitness;
      }
    }
    const [removed] = this.members.splice(worst, 1);
    for (const other of this.members) {
      const at = other.proximity.findIndex((entry) => entry.member === removed);
      if (at >= 0) other.proximity.splice(at, 1);
    }
  }
}

function insertSorted(list: Array<{ distance: number; member: Member }>, entry: { distance: number; member: Member }): void {
  let place = list.length;
  while (place > 0 && list[place - 1]!.distance > entry.distance) place -= 1;
  list.splice(place, 0, entry);
}

export class Population {
  private readonly feasible: SubPopulation;
  private readonly infeasible: SubPopulation;

  constructor(
    parameters: PopulationParameters,
    private readonly rng: Rng,
  ) {
    this.feasible = new SubPopulation(parameters);
    this.infeasible = new SubPopulation(parameters);
  }

  get size(): number {
    return this.feasible.members.length + this.infeasible.members.length;
  }

  add(individual: Individual, penalties: Penalties): void {
    (individual.feasible ? this.feasible : this.infeasible).add(individual, penalties);
  }

  penaltiesChanged(penalties: Penalties): void {
    this.infeasible.sort(penalties);
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  selectParent(): Individual {
    this.feasible.updateFitness();
    this.infeasible.updateFitness();
    const first = this.randomMember();
    const second = this.randomMember();
    return (first.fitness <= second.fitness ? first : second).individual;
  }

  /** Two parents, retried a few times to avoid crossing an individual with itself. */
  selectParents(): [Individual, Individual] {
    const first = this.selectParent();
    let second = this.selectParent();
    for (let attempt = 0; attempt < 10 && second === first && this.size > 1; attempt += 1) second = this.selectParent();
    return [first, second];
  }

  clear(): void {
    this.feasible.clear();
    this.infeasible.clear();
  }

  private randomMember(): Member {
    const feasibleCount = this.feasible.members.length;
    const pick = this.rng.nextInt(this.size);
    return pick < feasibleCount ? this.feasible.members[pick]! : this.infeasible.members[pick - feasibleCount]!;
  }
}
