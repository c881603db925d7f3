/**
 * A mixed-integer linear programme in solver-neutral form (rows in compressed
 * sparse row form). Formulations build it; each solver adapter and the LP
 * writer read it, so the same model can be handed to HiGHS, glpk.js or CBC.
 */
export interface MilpModel {
  readonly sense: 'minimize' | 'maximize';
  /** Constant added to the objective. */
  readonly offset: number;
  readonly columnNames: readonly string[];
  readonly columnCost: Float64Array;
  readonly columnLower: Float64Array;
  readonly columnUpper: Float64Array;
  /** 1 where the column must take a whole value. */
  readonly integer: Uint8Array;
  readonly rowNames: readonly string[];
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly rowStarts: Int32Array;
  readonly rowIndices: Int32Array;
  readonly rowValues: Float64Array;
}

export function columnCount(model: MilpModel): number {
  return model.columnCost.length;
}

export function rowCount(model: MilpModel): number {
  return model.rowLower.length;
}

/** Accumulates columns and rows, then freezes them into typed arrays. */
export class MilpBuilder {
  private readonly columnNames: string[] = [];
  private readonly columnCost: number[] = [];
  private readonly columnLower: number[] = [];
  private readonly columnUpper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowIndices: number[] = [];
  private readonly rowValues: number[] = [];
  private offset = 0;

  constructor(private readonly sense: 'minimize' | 'maximize') {}

  addColumn(name: string, cost: number, lower: number, upper: number, integer = false): number {
    this.columnNames.push(name);
    this.columnCost.push(cost);
    this.columnLower.push(lower);
    this.columnUpper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.columnNames.length - 1;
  }

  addBinary(name: string, cost: number): number {
    return this.addColumn(name, cost, 0, 1, true);
  }

  /** Adds `lower ≤ Σ values[k]·x[indices[k]] ≤ upper`; a column must not repeat within a row. */
  addRow(name: string, indices: readonly number[], values: readonly number[], lower: number, upper: number): number {
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let k = 0; k < indices.length; k += 1) {
      this.rowIndices.push(indices[k]!);
      this.rowValues.push(values[k]!);
    }
    this.rowStarts.push(this.rowIndices.length);
    return this.rowNames.length - 1;
  }

  addOffset(value: number): void {
    this.offset += value;
  }

  get columnTotal(): number {
    return this.columnNames.length;
  }

  build(): MilpModel {
    return {
      sense: this.sense,
      offset: this.offset,
      columnNames: this.columnNames,
      columnCost: Float64Array.from(this.columnCost),
      columnLower: Float64Array.from(this.columnLower),
      columnUpper: Float64Array.from(this.columnUpper),
      integer: Uint8Array.from(this.integer),
      rowNames: this.rowNames,
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowIndices: Int32Array.from(this.rowIndices),
      rowValues: Float64Array.from(this.rowValues),
    };
  }
}
