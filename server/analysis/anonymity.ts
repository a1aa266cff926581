/**
 * Anonymity: nothing is shown from a group so small that a person could be recognised, and no
 * hidden group can be worked out by subtraction (complementary suppression). Pure, no I/O.
 */
import { isArray, isFiniteNumber } from './math';

/** Default minimum number of responses behind any number shown. */
export const DEFAULT_THRESHOLD = 5;
/** Free text is never shown from fewer responses than this (nor in a filtered or per-unit view below it). */
export const FREE_TEXT_THRESHOLD = 10;

export interface Group {
  id: string;
  n: number;
}

export interface SuppressResult {
  /** Ids of the children to hide, in input order. */
  hidden: string[];
  /** True when the parent must be hidden too (no visible sibling was left to protect the hidden ones). */
  hideParent: boolean;
}

/** A cell of one additive family (parent = Σ members). */
interface Member {
  key: string;
  n: number;
  /** Never displayed anywhere (e.g. responses given directly at a parent unit), so always unknown to a reader. */
  neverShown?: boolean;
}

interface Family {
  /** Key of the parent total; null when the parent is not a cell of its own (public `suppress`). */
  parent: string | null;
  members: Member[];
}

/** Non-finite k falls back to the default threshold (fail safe: never "show everything" by accident). */
function safeK(k: number): number {
  return isFiniteNumber(k) ? k : DEFAULT_THRESHOLD;
}

/** Non-finite or negative n counts as 0 (and so is hidden). */
function safeN(n: number): number {
  return isFiniteNumber(n) && n > 0 ? n : 0;
}

/**
 * The rule of STATISTICS.md for one family, generalised to members already hidden elsewhere and to
 * a parent that is itself hidden:
 *   S = members with n < k, already hidden, or never shown
 *   if the parent is hidden and S is empty: add the smallest member (else parent = Σ members)
 *   while S non-empty and (Σ_S n < k or (|S| = 1 and the parent is visible)):
 *       if no visible sibling is left: hide the parent too; stop
 *       add the smallest visible sibling to S   (ties: the first in input order)
 * A lone never-shown member with n ≥ k needs no partner (revealing it reveals nobody).
 * Returns S as a mask over the members and whether the parent must be hidden.
 */
function familyStep(members: readonly Member[], k: number, isHidden: (key: string) => boolean, parentHidden: boolean): { inS: boolean[]; hideParent: boolean } {
  const inS = members.map((m) => m.n < k || !!m.neverShown || isHidden(m.key));
  let hideParent = false;
  const smallestVisible = (): number => {
    let best = -1;
    members.forEach((m, i) => {
      if (!inS[i] && (best < 0 || m.n < members[best].n)) best = i;
    });
    return best;
  };
  if (parentHidden && members.length > 0 && !inS.some(Boolean)) inS[smallestVisible()] = true;
  for (;;) {
    const s = members.filter((_, i) => inS[i]);
    if (s.length === 0) break;
    const sum = s.reduce((acc, m) => acc + m.n, 0);
    const loneOk = s.length === 1 && !!s[0].neverShown && s[0].n >= k;
    if (!(sum < k || (s.length === 1 && !parentHidden && !loneOk))) break;
    const next = smallestVisible();
    if (next < 0) {
      hideParent = true;
      break;
    }
    inS[next] = true;
  }
  return { inS, hideParent };
}

/** Runs `familyStep` over all families until nothing changes; returns the hidden keys. */
function solve(families: readonly Family[], k: number, initiallyHidden: Iterable<string>): Set<string> {
  const hidden = new Set<string>(initiallyHidden);
  const isHidden = (key: string) => hidden.has(key);
  for (let changed = true; changed; ) {
    changed = false;
    for (const fam of families) {
      const parentHidden = fam.parent !== null && hidden.has(fam.parent);
      const { inS, hideParent } = familyStep(fam.members, k, isHidden, parentHidden);
      fam.members.forEach((m, i) => {
        if (inS[i] && !m.neverShown && !hidden.has(m.key)) {
          hidden.add(m.key);
          changed = true;
        }
      });
      if (hideParent && fam.parent !== null && !hidden.has(fam.parent)) {
        hidden.add(fam.parent);
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * Complementary suppression for one parent and its children (the rule in STATISTICS.md):
 *   S = children with n < k
 *   while S non-empty and (|S| = 1 or Σ_S n < k):
 *       if no visible sibling is left: hide the parent too; stop
 *       add the smallest visible sibling to S
 * Ties for "smallest" go to the first in input order. A non-finite k means the default 5.
 *
 * @example suppress([{ id: 'A', n: 9 }, { id: 'B', n: 10 }, { id: 'C', n: 4 }], 5) // { hidden: ['A', 'C'], hideParent: false }
 */
export function suppress(groups: readonly Group[], k: number): SuppressResult {
  const list = isArray(groups) ? groups : [];
  const members = list.map((g, i) => ({ key: String(i), n: safeN(g.n) }));
  const { inS, hideParent } = familyStep(members, safeK(k), () => false, false);
  return { hidden: list.filter((_, i) => inS[i]).map((g) => g.id), hideParent };
}

/** A group with the most its count can be (its headcount): what a reader knows of it besides the table. */
export interface CappedGroup extends Group {
  cap: number;
}

/**
 * `suppress`, then more complements until every hidden group below k keeps at least k possible values (or its
 * whole range 0…cap) given the hidden sum H and the other hidden groups' caps:
 *   lo_i = max(0, H − Σ_{j hidden, j ≠ i} cap_j),  hi_i = min(cap_i, H)
 * Without this, two hidden units whose answers add up to their headcounts (everyone answered) would be pinned.
 * `emptyCaps`: the headcounts of groups with a count of 0 that the caller hides as well (never partners).
 *
 * @example suppressWithCaps([{ id: 'S', n: 3, cap: 3 }, { id: 'M', n: 11, cap: 11 }, { id: 'L', n: 11, cap: 40 }], 5)
 * // { hidden: ['S', 'M', 'L'], hideParent: false } — with S and M alone hidden, 14 = 3 + 11 would pin S to 3
 */
export function suppressWithCaps(groups: readonly CappedGroup[], k: number, options: { emptyCaps?: number } = {}): SuppressResult {
  const list = isArray(groups) ? groups : [];
  const kk = safeK(k);
  const first = suppress(list, kk);
  const hidden = new Set(first.hidden);
  let hideParent = first.hideParent;
  // Groups with nothing to count, hidden by the caller without partners: they add nothing to the hidden sum but
  // their headcounts widen the others' ranges.
  const narrow = () => hiddenSumPins(list.filter((g) => hidden.has(g.id)), kk, options.emptyCaps ?? 0);
  while (!hideParent && hidden.size > 0 && narrow()) {
    let next: CappedGroup | undefined;
    for (const g of list) if (!hidden.has(g.id) && (!next || safeN(g.n) < safeN(next.n))) next = g;
    if (!next) hideParent = true;
    else hidden.add(next.id);
  }
  return { hidden: list.filter((g) => hidden.has(g.id)).map((g) => g.id), hideParent };
}

/**
 * Whether the sum of these hidden groups, known as the total minus everything shown, narrows some group below k
 * to fewer than k possible values (lo_i … hi_i as in `suppressWithCaps`) short of its whole range 0…cap.
 * `emptyCaps`: the caps of hidden groups with a count of 0, which widen the others' ranges.
 *
 * @example hiddenSumPins([{ id: 'S', n: 3, cap: 3 }, { id: 'M', n: 10, cap: 10 }], 5) // true: 13 of 13 says S = 3
 */
export function hiddenSumPins(hiddenGroups: readonly CappedGroup[], k: number, emptyCaps = 0): boolean {
  const list = isArray(hiddenGroups) ? hiddenGroups : [];
  const kk = safeK(k);
  const cap = (g: CappedGroup) => Math.max(safeN(g.cap), safeN(g.n));
  const sum = list.reduce((acc, g) => acc + safeN(g.n), 0);
  const caps = list.reduce((acc, g) => acc + cap(g), 0) + safeN(emptyCaps);
  return list.some((g) => {
    const n = safeN(g.n);
    if (n <= 0 || n >= kk) return false;
    const lo = Math.max(0, sum - (caps - cap(g)));
    const hi = Math.min(cap(g), sum);
    return !(hi - lo + 1 >= kk || (lo === 0 && hi >= cap(g)));
  });
}

/** A unit and its sub-units. n = all responses in the unit's subtree (its own link plus its sub-units). */
export interface UnitNode {
  id: string;
  n: number;
  children?: UnitNode[];
}

export interface SuppressTreeResult {
  /** Ids of the units whose numbers must not be shown, in depth-first (pre-order) order. */
  hidden: string[];
}

/**
 * Applies `suppress` at every level of a unit tree, until nothing changes:
 * - the root is hidden when its n < k;
 * - each unit with sub-units is a family parent = Σ children (+ responses given at the unit's own
 *   link, n − Σ children n, as a never-shown member so it can't be worked out by subtraction);
 * - a unit hidden because its children left no visible sibling (`hideParent`) is then protected
 *   among its own siblings like any hidden child;
 * - a hidden unit whose children would all be shown gets its smallest child hidden too, so that
 *   it cannot be rebuilt as the sum of its children (and so on down).
 *
 * @example
 * suppressTree({ id: 'root', n: 60, children: [
 *   { id: 'X', n: 30, children: [{ id: 'X1', n: 15 }, { id: 'X2', n: 15 }] },
 *   { id: 'Y', n: 27 }, { id: 'Z', n: 3 } ] }, 5)
 * // { hidden: ['Y', 'Z'] }
 */
export function suppressTree(root: UnitNode, k: number): SuppressTreeResult {
  if (!root) return { hidden: [] };
  const kk = safeK(k);
  const nodes: UnitNode[] = [];
  const keyOf = new Map<UnitNode, string>();
  const families: Family[] = [];
  const visit = (node: UnitNode) => {
    keyOf.set(node, String(nodes.length));
    nodes.push(node);
    const children = isArray(node.children) ? node.children : [];
    children.forEach(visit);
  };
  visit(root);
  for (const node of nodes) {
    const children = isArray(node.children) ? node.children : [];
    if (children.length === 0) continue;
    const members: Member[] = children.map((c) => ({ key: keyOf.get(c)!, n: safeN(c.n) }));
    const direct = safeN(node.n) - members.reduce((s, m) => s + m.n, 0);
    if (direct > 0) members.push({ key: `direct:${keyOf.get(node)}`, n: direct, neverShown: true });
    families.push({ parent: keyOf.get(node)!, members });
  }
  const initially = safeN(root.n) < kk ? [keyOf.get(root)!] : [];
  const hidden = solve(families, kk, initially);
  return { hidden: nodes.filter((n) => hidden.has(keyOf.get(n)!)).map((n) => n.id) };
}

/** One cell of a two-way breakdown such as unit × wave or unit × item. */
export interface TwoWayCell {
  row: string;
  col: string;
  n: number;
}

export interface TwoWayOptions {
  /** Whether each row's total is shown (or can be got elsewhere), making the row a family. Default true. */
  rowTotalsShown?: boolean;
  /** Whether each column's total is shown (e.g. the parent unit in that wave). Default true. */
  colTotalsShown?: boolean;
  /** True totals where they exceed the sum of the listed cells (responses outside the table). */
  rowTotals?: Readonly<Record<string, number>>;
  colTotals?: Readonly<Record<string, number>>;
}

export interface TwoWayResult {
  /** Cells whose numbers must not be shown (listed once each, in input order). */
  hidden: Array<{ row: string; col: string }>;
  /** Row and column totals that must not be shown either. */
  hiddenRowTotals: string[];
  hiddenColTotals: string[];
}

/**
 * Suppression for a two-way breakdown (rows × columns, e.g. unit × wave: each wave's column adds
 * up to the parent unit in that wave). Applies the suppress rule along every column and every row
 * whose total is shown, and, when both margins are shown, to the row totals and the column totals
 * under the grand total, repeating until nothing changes. Cells with the same row and col are added up.
 * Leave `rowTotalsShown` false when nothing shown adds a row up (e.g. units across waves); keep it
 * true when unsure — that only hides more.
 *
 * @example
 * suppressTwoWay([{ row: 'A', col: 'w1', n: 9 }, { row: 'B', col: 'w1', n: 10 }, { row: 'C', col: 'w1', n: 4 }], 5, { rowTotalsShown: false })
 * // { hidden: [{ row: 'A', col: 'w1' }, { row: 'C', col: 'w1' }], hiddenRowTotals: [], hiddenColTotals: [] }
 */
export function suppressTwoWay(cells: readonly TwoWayCell[], k: number, options: TwoWayOptions = {}): TwoWayResult {
  const kk = safeK(k);
  const rowTotalsShown = options.rowTotalsShown ?? true;
  const colTotalsShown = options.colTotalsShown ?? true;
  const list = isArray(cells) ? cells : [];
  const cellKey = (row: string, col: string) => `c\u0000${row}\u0000${col}`;
  const sizes = new Map<string, { row: string; col: string; n: number }>();
  for (const c of list) {
    const key = cellKey(c.row, c.col);
    const prev = sizes.get(key);
    if (prev) prev.n += safeN(c.n);
    else sizes.set(key, { row: c.row, col: c.col, n: safeN(c.n) });
  }
  const rows = [...new Set(list.map((c) => c.row))];
  const cols = [...new Set(list.map((c) => c.col))];
  const families: Family[] = [];
  const initially: string[] = [];
  const margin = (kind: 'r' | 'c', id: string, inTable: Member[], given: number | undefined) => {
    const key = `${kind}\u0000${id}`;
    const sum = inTable.reduce((s, m) => s + m.n, 0);
    const total = Math.max(sum, given === undefined ? sum : safeN(given));
    const members = [...inTable];
    if (total > sum) members.push({ key: `rest\u0000${key}`, n: total - sum, neverShown: true });
    families.push({ parent: key, members });
    if (total < kk) initially.push(key);
    return { key, n: total };
  };
  const cellMembers = (filter: (v: { row: string; col: string }) => boolean): Member[] =>
    [...sizes.entries()].filter(([, v]) => filter(v)).map(([key, v]) => ({ key, n: v.n }));
  const rowMargins = rowTotalsShown ? rows.map((r) => margin('r', r, cellMembers((v) => v.row === r), options.rowTotals?.[r])) : [];
  const colMargins = colTotalsShown ? cols.map((c) => margin('c', c, cellMembers((v) => v.col === c), options.colTotals?.[c])) : [];
  if (rowTotalsShown && colTotalsShown) {
    const grand = 'g';
    families.push({ parent: grand, members: rowMargins });
    families.push({ parent: grand, members: colMargins });
    if (rowMargins.reduce((s, m) => s + m.n, 0) < kk) initially.push(grand);
  }
  if (!rowTotalsShown && !colTotalsShown) {
    // No margins shown: only the small cells themselves need hiding.
    for (const [key, v] of sizes) if (v.n < kk) initially.push(key);
  }
  const hidden = solve(families, kk, initially);
  return {
    hidden: [...sizes.entries()].filter(([key]) => hidden.has(key)).map(([, v]) => ({ row: v.row, col: v.col })),
    hiddenRowTotals: rowTotalsShown ? rows.filter((r) => hidden.has(`r\u0000${r}`)) : [],
    hiddenColTotals: colTotalsShown ? cols.filter((c) => hidden.has(`c\u0000${c}`)) : [],
  };
}
