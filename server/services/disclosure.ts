// The disclosure policy: every rule about what may leave the server about staff's answers — the thresholds,
// what counts toward them, complementary hiding, reporting groups, what a wave shows while it runs, live
// releases and comments — built once from the configuration (createApp puts it on every request) and asked by
// every output: the report, its response rates, the waves list, the links list and the comments. None of them
// decides on its own. docs/anonymity.md states the guarantee these rules give, and what it does not cover.
import type { ItemMapEntry } from '../../surveys/types';
import { suppress } from '../analysis';
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

export type WaveStatus = 'draft' | 'open' | 'closed';

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
    if (wave.status === 'draft') return { results: 'none', unitCounts: false, answers: 'none', comments: false };
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
  hiddenCells(waveId: number, cells: readonly ReportingCell[], items: readonly ItemMapEntry[], counts: Counts): { hidden: Set<string>; hideTotal: boolean } {
    const byHeadcount = this.suppress(cells.map((c) => ({ id: c.key, n: c.headcount })));
    const hidden = new Set(byHeadcount.hidden);
    for (const item of items.filter(reportedItem)) {
      const tallies = cells.map((c) => ({ id: c.key, ...tally(counts, waveId, c.unitIds, item) })).filter((t) => answeredCount(t) > 0);
      for (const id of this.suppress(tallies.map((t) => ({ id: t.id, n: answeredCount(t) }))).hidden) hidden.add(id);
      if (this.rules.substantiveCount) for (const id of this.suppress(tallies.map((t) => ({ id: t.id, n: t.n }))).hidden) hidden.add(id);
    }
    // The union of valid hidden sets is itself valid: for every count, whatever is hidden is either cells where
    // nobody answered the item or at least two cells that together reach k, so one pass is enough.
    return { hidden, hideTotal: byHeadcount.hideParent };
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

  /** Whether a wave's response total must be left out: it alone would reveal a cell hidden by its headcount. */
  waveTotalHidden(cells: readonly ReportingCell[]): boolean {
    return this.hiddenCells(0, cells, [], new Map<string, number[]>()).hideTotal;
  }

  private suppress(groups: { id: string; n: number }[]) {
    if (this.rules.complementary) return suppress(groups, this.k);
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
