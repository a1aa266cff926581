// A small integer interval-propagation engine for auditing published tables, as statistics offices audit
// suppressed tables (tau-ARGUS, Statistics Norway's GaussSuppression ComputeIntervals): every unknown count is a
// variable with integer bounds [lo, hi], every published number and every structural fact is a linear
// constraint Σ coef·var = c or Σ coef·var ≤ c, and the bounds are tightened to a fixpoint. The result is an
// outer bound of what an attacker can know: any interval found narrow here is truly that narrow (bounds
// propagation can miss a narrowing an LP would find, never invent one). Pure: no I/O.

export type VarId = number;
export type Term = readonly [coef: number, v: VarId];

export class InfeasibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfeasibleError';
  }
}

interface Constraint {
  vars: Int32Array;
  coefs: Int32Array;
  /** Σ coefs·vars ≤ rhs */
  rhs: number;
  label: string;
}

export class IntervalModel {
  private lo: number[] = [];
  private hi: number[] = [];
  private names: string[] = [];
  private constraints: Constraint[] = [];
  /** For each variable, the constraints it appears in. */
  private uses: number[][] = [];

  get size() {
    return this.lo.length;
  }

  get constraintCount() {
    return this.constraints.length;
  }

  addVar(name: string, lo: number, hi: number): VarId {
    if (!Number.isInteger(lo) || !Number.isInteger(hi)) throw new Error(`${name}: bounds must be integers (${lo}, ${hi})`);
    if (lo > hi) throw new InfeasibleError(`${name}: empty domain [${lo}, ${hi}]`);
    this.lo.push(lo);
    this.hi.push(hi);
    this.names.push(name);
    this.uses.push([]);
    return this.lo.length - 1;
  }

  name(v: VarId) {
    return this.names[v];
  }

  bounds(v: VarId): [number, number] {
    return [this.lo[v], this.hi[v]];
  }

  /** Σ terms ≤ rhs */
  le(terms: readonly Term[], rhs: number, label = '') {
    const merged = new Map<VarId, number>();
    for (const [c, v] of terms) {
      if (!Number.isInteger(c)) throw new Error(`coefficient ${c} is not an integer`);
      if (v < 0 || v >= this.size) throw new Error(`unknown variable ${v}`);
      merged.set(v, (merged.get(v) ?? 0) + c);
    }
    const kept = [...merged].filter(([, c]) => c !== 0);
    if (!kept.length) {
      if (0 > rhs) throw new InfeasibleError(`${label}: 0 ≤ ${rhs} is false`);
      return;
    }
    const index = this.constraints.length;
    this.constraints.push({ vars: Int32Array.from(kept.map(([v]) => v)), coefs: Int32Array.from(kept.map(([, c]) => c)), rhs, label });
    for (const [v] of kept) this.uses[v].push(index);
  }

  /** Σ terms ≥ rhs */
  ge(terms: readonly Term[], rhs: number, label = '') {
    this.le(terms.map(([c, v]) => [-c, v] as const), -rhs, label);
  }

  /** Σ terms = rhs */
  eq(terms: readonly Term[], rhs: number, label = '') {
    this.le(terms, rhs, label);
    this.ge(terms, rhs, label);
  }

  /** A single variable fixed to a value (a published count). */
  fix(v: VarId, value: number, label = '') {
    this.eq([[1, v]], value, label || `${this.names[v]} = ${value}`);
  }

  /**
   * Tightens every bound to a fixpoint: for each constraint Σ aᵢxᵢ ≤ c and each j, aⱼxⱼ ≤ c − Σᵢ≠ⱼ min(aᵢxᵢ),
   * rounded to integers. Throws InfeasibleError when the constraints cannot all hold.
   */
  propagate(): this {
    const queue: number[] = this.constraints.map((_, i) => i);
    const queued = new Uint8Array(this.constraints.length).fill(1);
    const { lo, hi } = this;
    while (queue.length) {
      const ci = queue.pop()!;
      queued[ci] = 0;
      const { vars, coefs, rhs, label } = this.constraints[ci];
      let minSum = 0;
      for (let i = 0; i < vars.length; i++) minSum += coefs[i] > 0 ? coefs[i] * lo[vars[i]] : coefs[i] * hi[vars[i]];
      if (minSum > rhs) throw new InfeasibleError(`infeasible: ${label || `constraint ${ci}`} (least possible ${minSum} > ${rhs})`);
      for (let i = 0; i < vars.length; i++) {
        const v = vars[i];
        const a = coefs[i];
        const own = a > 0 ? a * lo[v] : a * hi[v];
        const slack = rhs - (minSum - own);
        let changed = false;
        if (a > 0) {
          const bound = Math.floor(slack / a);
          if (bound < hi[v]) {
            hi[v] = bound;
            changed = true;
          }
        } else {
          const bound = Math.ceil(slack / a);
          if (bound > lo[v]) {
            lo[v] = bound;
            changed = true;
          }
        }
        if (!changed) continue;
        if (lo[v] > hi[v]) throw new InfeasibleError(`infeasible: ${this.names[v]} has no value left (${lo[v]} > ${hi[v]}) after ${label || `constraint ${ci}`}`);
        // minSum only grows when a bound tightens; keep it exact for the rest of this constraint.
        minSum += (a > 0 ? a * lo[v] : a * hi[v]) - own;
        for (const other of this.uses[v]) {
          if (other !== ci && !queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      }
    }
    return this;
  }
}

/** The interval of a sum of variables, from their bounds (an outer bound; use a variable for the sum if it matters). */
export function sumBounds(model: IntervalModel, vars: readonly VarId[]): [number, number] {
  let lo = 0, hi = 0;
  for (const v of vars) {
    const [l, h] = model.bounds(v);
    lo += l;
    hi += h;
  }
  return [lo, hi];
}
