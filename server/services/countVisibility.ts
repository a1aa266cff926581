// Response counts are shown per unit only where the unit's headcount reaches the threshold — and, as for
// every breakdown, with complementary hiding so a small unit's count cannot be found as total − the others.
import { suppress } from '../analysis';

export interface CountedUnit {
  unitId: number;
  /** Headcount at wave open (or today's, before the wave opens). */
  headcount: number;
}

export function countVisibility(units: readonly CountedUnit[], k: number): { hidden: Set<number>; hideTotal: boolean } {
  const { hidden, hideParent } = suppress(units.map((u) => ({ id: String(u.unitId), n: u.headcount })), k);
  return { hidden: new Set(hidden.map(Number)), hideTotal: hideParent };
}
