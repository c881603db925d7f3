import type { PlanDetail, PlanScenario } from '@terep/db/contract';
import { deletePlan, fetchPlan, fetchPlans } from './plans-client';

/** The saved plans, and the two ticked for a side-by-side comparison. */
export class ScenarioList {
  plans = $state.raw<PlanScenario[]>([]);
  error = $state.raw<unknown>(null);
  /** Ticked scenario ids, oldest tick first; at most two. */
  ticked = $state.raw<number[]>([]);
  compared = $state.raw<[PlanDetail, PlanDetail] | null>(null);

  async load(): Promise<void> {
    try {
      this.plans = await fetchPlans();
      this.error = null;
      this.ticked = this.ticked.filter((id) => this.plans.some((plan) => plan.id === id && plan.status === 'done'));
    } catch (error) {
      this.error = error;
    }
  }

  async remove(id: number): Promise<void> {
    try {
      await deletePlan(id);
    } catch (error) {
      this.error = error;
    }
    if (this.compared?.some((plan) => plan.id === id)) this.compared = null;
    await this.load();
  }

  /** Ticks a done scenario for comparison; a third tick drops the oldest. */
  toggle(id: number): void {
    this.ticked = this.ticked.includes(id) ? this.ticked.filter((entry) => entry !== id) : [...this.ticked, id].slice(-2);
  }

  async compare(): Promise<void> {
    if (this.ticked.length !== 2) return;
    try {
      const [first, second] = await Promise.all(this.ticked.map((id) => fetchPlan(id)));
      this.compared = [first!, second!];
    } catch (error) {
      this.error = error;
    }
  }

  closeComparison(): void {
    this.compared = null;
  }
}
