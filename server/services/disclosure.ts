// The disclosure policy: every rule about what may leave the server about staff's answers — the thresholds,
// what counts toward them, complementary hiding, reporting groups, what a wave shows while it runs, live
// releases and comments — built once from the configuration (createApp puts it on every request) and asked by
// every output: the report, its response rates, the waves list, the links list and the comments. None of them
// decides on its own. docs/anonymity.md states the guarantee these rules give, and what it does not cover.
import type { ItemMapEntry } from '../../surveys/types';
import { hiddenSumPins, suppressWithCaps } from '../analysis';
import type { AppConfig } from '../config';
import { answeredCount, reportedItem, tally, type Counts } from './answerCounts';

export interface DisclosureRules {
  /** k: the fewest answers behind any number shown. */
  threshold: number;
  /** The fewest respondents of a whole wave before its free text is shown. */
  freeTextThreshold: number;
  /** Only answers other than "ved ikke" count toward k (an estimate rests on them). */
  substantiveCount: boolean;
  /** A hidden cell is never the only one hidden among cells whose total is shown (complementary hiding). */
  complementary: boolean;
  /** While a wave runs: no per-unit numbers; live results only for the whole wave, in releases of ≥ k answers. */
  releasesOverTime: boolean;
  /** Every hidden cell gives the same reason, so "too few" cannot be told from "hidden to protect another". */
  uniformReason: boolean;
}

/** Rules a test may switch off to show that the attacker test finds the leak each one closes. Never from the
 *  environment: only `createApp({ weakenDisclosureForTests })` can pass them. */
export type DisclosureWeakening = Partial<Pick<DisclosureRules, 'substantiveCount' | 'complementary' | 'releasesOverTime' | 'uniformReason'>>;

/** As the clock has it (waveSchedule.ts): a scheduled wave is opened but takes no answers before its opening time. */
export type WaveStatus = 'draft' | 'scheduled' | 'open' | 'closed';

/** What of one wave may be shown now. */
export interface WaveDisclosure {
  /** Item results: none, the whole wave only (live, during fieldwork), or per unit too. */
  results: 'none' | 'overall' | 'all';
  /** Response counts per unit (links list, response-rate rows). The wave's total follows the headcount rule. */
  unitCounts: boolean;
  /** Which responses the results rest on: all, or only those in released live snapshots. */
  answers: 'all' | 'released' | 'none';
  /** Free-text comments (never per unit). */
  comments: boolean;
}

/** One unit, or the units of one reporting group in a wave: its answers are only ever shown together. */
export interface ReportingCell {
  key: string;
  name: string;
  unitIds: number[];
  headcount: number;
  /** The reporting group's name; null for a unit on its own. */
  group: string | null;
}

export type HiddenReason = 'protected' | 'too_few' | 'protects_other_group';

/** The words for every hidden cell, true both for a group too small and for one hidden to protect another. */
export const HIDDEN_REASON = 'protected' as const;

export class DisclosurePolicy {
  constructor(readonly rules: Readonly<DisclosureRules>) {}

  get k() {
    return this.rules.threshold;
  }

  /**
   * Nothing about a wave's answers is shown per unit while it runs: per-unit counts seen during fieldwork would
   * bound the cells hidden once it closes. Live results show the whole wave only, from released snapshots
   * (see `releasable`); once the wave closes, everything rests on one set of answers and one hidden set.
   */
  stage(wave: { status: WaveStatus; liveResults: boolean; releases: number }): WaveDisclosure {
    // Before its opening time a wave has no answers to show, as a draft.
    if (wave.status === 'draft' || wave.status === 'scheduled') return { results: 'none', unitCounts: false, answers: 'none', comments: false };
    if (!this.rules.releasesOverTime) {
      const shown = wave.status === 'closed' || wave.liveResults;
      return { results: shown ? 'all' : 'none', unitCounts: true, answers: 'all', comments: shown };
    }
    if (wave.status === 'open') return { results: wave.liveResults && wave.releases > 0 ? 'overall' : 'none', unitCounts: false, answers: 'released', comments: false };
    // A wave that released live snapshots keeps to them: answers after the last release join the final results
    // only as a releasable block (closeWave tries), or the difference from the last snapshot would show them.
    return { results: 'all', unitCounts: true, answers: wave.releases > 0 ? 'released' : 'all', comments: true };
  }

  /** Whether answers not yet released may be released as the next live snapshot: at least k respondents, and
   *  every question's answered and substantive counts among them 0 or at least k, so that the difference from
   *  the previous snapshot is itself a cell of k or more. */
  releasable(block: { respondents: number; items: readonly { answered: number; substantive: number }[] }): boolean {
    const ok = (n: number) => n === 0 || n >= this.k;
    return block.respondents >= this.k && block.items.every((i) => ok(i.answered) && (!this.rules.substantiveCount || ok(i.substantive)));
  }

  /** The count an estimate rests on and that must reach k. */
  estimateCount(t: { n: number; dontKnow: number }): number {
    return this.rules.substantiveCount ? t.n : answeredCount(t);
  }

  /** Whether a cell's own numbers are too few to show. */
  tooFew(t: { n: number; dontKnow: number }): boolean {
    return answeredCount(t) === 0 || this.estimateCount(t) < this.k;
  }

  /** The reason a hidden cell gives. */
  hiddenReason(ownTooFew: boolean): HiddenReason {
    if (this.rules.uniformReason) return HIDDEN_REASON;
    return ownTooFew ? 'too_few' : 'protects_other_group';
  }

  /** Free text of a whole wave: only with enough respondents, and never to a view narrowed to some units. */
  commentsShown(respondents: number, narrowedToUnits: boolean): boolean {
    return !narrowedToUnits && respondents >= this.rules.freeTextThreshold;
  }

  /**
   * The hidden cells of one wave: the headcount rule (a cell of fewer than k staff) with complementary hiding,
   * and, for each reported item of a wave whose results are shown, complementary hiding run on everyone who
   * answered ("ved ikke" included) and on the substantive answers, so that neither count of a hidden cell can be
   * found as the total minus the others. One set per wave, shared by every item table, the response rates and
   * the links list, so no output can undo another's hiding by subtraction. Pass no items when results are not
   * shown. `hideTotal`: the wave's response total must be left out (it alone would reveal a hidden cell).
   */
  hiddenCells(
    waveId: number,
    cells: readonly ReportingCell[],
    items: readonly ItemMapEntry[],
    counts: Counts,
    respondents?: ReadonlyMap<string, { respondents: number; complete: number }>,
  ): { hidden: Set<string>; hideTotal: boolean } {
    // Headcounts are public: the headcount rule hides small cells and partners; their ranges are the counts'.
    const byHeadcount = this.suppress(cells.map((c) => ({ id: c.key, n: c.headcount })));
    const hidden = new Set(byHeadcount.hidden);
    const capOf = new Map(cells.map((c) => [c.key, c.headcount]));
    let hideTotal = byHeadcount.hideParent;
    /**
     * Complementary hiding over the cells where someone is counted; `empty`: cells where nobody is, hidden too (a
     * shown 0 would fix part of the hidden sum) but never as partners. `total`: the family's total is shown.
     */
    const family = (groups: { id: string; n: number }[], empty: readonly string[], total = false) => {
      for (const id of empty) hidden.add(id);
      const emptyCaps = empty.reduce((sum, id) => sum + (capOf.get(id) ?? 0), 0);
      const result = this.suppress(groups.map((g) => ({ ...g, cap: capOf.get(g.id) ?? g.n })), emptyCaps);
      for (const id of result.hidden) hidden.add(id);
      if (total && result.hideParent) hideTotal = true;
    };
    // Respondents and complete responses per cell are shown in the response rates, with the wave's total. A cell
    // nobody answered in is hidden there too (a shown 0 would fix part of the hidden sum), never as a partner.
    if (respondents) {
      const counted = cells.filter((c) => (respondents.get(c.key)?.respondents ?? 0) > 0);
      const empty = cells.filter((c) => !counted.includes(c)).map((c) => c.key);
      family(counted.map((c) => ({ id: c.key, n: respondents.get(c.key)!.respondents })), empty, true);
      // A cell whose respondents are all partial has 0 complete: a small count like any other.
      family(counted.map((c) => ({ id: c.key, n: respondents.get(c.key)!.complete })), empty, true);
    }
    for (const item of items.filter(reportedItem)) {
      // A cell where nobody answered the item is hidden in its table only (not in the shared set: a unit not asked
      // about a behaviour keeps its other numbers), and is left out here.
      const tallies = cells.map((c) => ({ id: c.key, ...tally(counts, waveId, c.unitIds, item) })).filter((t) => answeredCount(t) > 0);
      family(tallies.map((t) => ({ id: t.id, n: answeredCount(t) })), []);
      // A cell where everyone said "ved ikke" has 0 substantive answers: small, and protected like any other.
      if (this.rules.substantiveCount) family(tallies.map((t) => ({ id: t.id, n: t.n })), []);
    }
    // The union of valid hidden sets is itself valid: adding a hidden cell only adds to the hidden sum, so every
    // family's hidden part still reaches k over at least two cells and every interval only widens.
    return { hidden, hideTotal };
  }

  /**
   * The reported items whose whole-wave counts must be left out of a wave shown as `hidden` (its hidden cells; every
   * cell while the wave runs, when nothing per unit is shown): the total answered, or substantive, minus the shown
   * cells would pin a small hidden cell given the headcounts — everyone in two small units answered the item. As
   * `waveTotalHidden` for the response total. (Breakdowns count only the shown cells' people, whose totals are public.)
   */
  pinnedItems(waveId: number, cells: readonly ReportingCell[], items: readonly ItemMapEntry[], counts: Counts, hidden: ReadonlySet<string>): Set<string> {
    const pinned = new Set<string>();
    const inHidden = cells.filter((c) => hidden.has(c.key));
    for (const item of items.filter(reportedItem)) {
      // As in hiddenCells: a cell where nobody answered the item is left out, and does not widen the others' ranges.
      const tallies = inHidden.map((c) => ({ id: c.key, cap: c.headcount, ...tally(counts, waveId, c.unitIds, item) })).filter((t) => answeredCount(t) > 0);
      const pins = (n: (t: (typeof tallies)[number]) => number) => hiddenSumPins(tallies.map((t) => ({ id: t.id, n: n(t), cap: t.cap })), this.k);
      if (this.rules.complementary && (pins(answeredCount) || (this.rules.substantiveCount && pins((t) => t.n)))) pinned.add(item.key);
    }
    return pinned;
  }

  /**
   * The hidden groups of one breakdown of a wave (by a background question, or by a chosen option against the
   * rest): the same rules as for units — complementary hiding on respondents, on everyone who answered each item
   * and on its substantive answers — with the respondents in place of the unknown headcount. The groups must
   * partition the wave's respondents (include the group that did not answer), so that none is the total minus
   * the others.
   */
  hiddenGroups(groups: readonly { key: string; respondents: number; items: readonly { n: number; dontKnow: number }[] }[]): Set<string> {
    const hidden = new Set(this.suppress(groups.map((g) => ({ id: g.key, n: g.respondents }))).hidden);
    const items = Math.max(0, ...groups.map((g) => g.items.length));
    for (let i = 0; i < items; i++) {
      const tallies = groups.map((g) => ({ id: g.key, ...(g.items[i] ?? { n: 0, dontKnow: 0 }) })).filter((t) => answeredCount(t) > 0);
      for (const id of this.suppress(tallies.map((t) => ({ id: t.id, n: answeredCount(t) }))).hidden) hidden.add(id);
      if (this.rules.substantiveCount) for (const id of this.suppress(tallies.map((t) => ({ id: t.id, n: t.n }))).hidden) hidden.add(id);
    }
    return hidden;
  }

  /**
   * Whether a wave's response total must be left out: it alone would reveal a cell hidden by its headcount, or,
   * given how many answered in each cell, pin a hidden cell's count (two small units whose answers fill both
   * headcounts). Every output with a wave's total — the report's response rates, the waves list, the comments —
   * decides it here, from the responses that total counts, so none shows what another hides.
   */
  waveTotalHidden(cells: readonly ReportingCell[], respondents: ReadonlyMap<string, { respondents: number; complete: number }>): boolean {
    return this.hiddenCells(0, cells, [], new Map<string, number[]>(), respondents).hideTotal;
  }

  /** Complementary hiding that also keeps each small hidden cell's range wide given the others' headcounts. */
  private suppress(groups: { id: string; n: number; cap?: number }[], emptyCaps = 0) {
    if (this.rules.complementary) return suppressWithCaps(groups.map((g) => ({ ...g, cap: g.cap ?? Number.MAX_SAFE_INTEGER })), this.k, { emptyCaps });
    return { hidden: groups.filter((g) => g.n < this.k).map((g) => g.id), hideParent: groups.length === 1 && groups[0].n < this.k };
  }
}

export function disclosurePolicy(config: Pick<AppConfig, 'anonymityThreshold' | 'freeTextThreshold'>, weaken: DisclosureWeakening = {}): DisclosurePolicy {
  return new DisclosurePolicy({
    threshold: config.anonymityThreshold,
    freeTextThreshold: config.freeTextThreshold,
    substantiveCount: weaken.substantiveCount ?? true,
    complementary: weaken.complementary ?? true,
    releasesOverTime: weaken.releasesOverTime ?? true,
    uniformReason: weaken.uniformReason ?? true,
  });
}

/** Respondents and complete responses per reporting cell, from respondentCounts' rows of one wave. */
export function cellRespondents(cells: readonly ReportingCell[], rows: readonly { unitId: number; complete: boolean; n: number }[]) {
  const of = (cell: ReportingCell, complete?: boolean) => rows.filter((r) => cell.unitIds.includes(r.unitId) && (complete === undefined || r.complete === complete)).reduce((sum, r) => sum + r.n, 0);
  return new Map(cells.map((c) => [c.key, { respondents: of(c), complete: of(c, true) }]));
}

/** Reporting cells of one wave's links: the units of a reporting group together, every other unit alone. */
export function reportingCells(links: readonly { unitId: number; unitName: string; headcount: number; reportGroup: string | null }[]): ReportingCell[] {
  const cells = new Map<string, ReportingCell>();
  for (const l of links) {
    const key = l.reportGroup ? `g:${l.reportGroup}` : `u:${l.unitId}`;
    const cell = cells.get(key) ?? { key, name: l.reportGroup ?? l.unitName, unitIds: [], headcount: 0, group: l.reportGroup };
    cell.unitIds.push(l.unitId);
    cell.headcount += l.headcount;
    cells.set(key, cell);
  }
  return [...cells.values()];
}
