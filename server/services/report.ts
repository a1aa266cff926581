// The project report: % favourable per behaviour item, wave and reporting cell, with Wilson intervals, and
// response rates. What may be shown is the disclosure policy's (server/services/disclosure.ts); this computes it.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { behaviourBenefits, behaviours, benefits, kpiMeasurements, rollouts, waves } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { benjaminiHochberg, changeLabel, comparisonLabel, estimateLabel, newcombe, normalSf, responseRates, twoProportionP, wilson, DEFAULT_FDR } from '../analysis';
import { todayUtc, type Clock } from './clock';
import { comparisonOf, comparisonSeries, type ComparisonRow } from './comparisonGroups';
import { invalid } from './errors';
import { answerCounts, respondentCounts, tally } from './answerCounts';
import { cellRespondents, reportingCells, type DisclosurePolicy, type HiddenReason } from './disclosure';
import { getProjectRow } from './projects';
import { getSurveyVersion } from './surveys';
import { effectiveStatus, waveLinkCells } from './waves';

export interface ReportOptions {
  /** Units the viewer may see; null/undefined = all. Hiding and totals are always decided over all units, so a
   *  narrower view cannot be subtracted from a wider one to reveal a hidden group. A reporting group is shown
   *  only to a viewer who may see every unit in it. */
  unitIds?: Set<number> | null;
  /** The two waves the headline compares (both shown waves, from before to); the default is the first baseline
   *  and the latest follow-up over the same units. */
  compare?: { from?: number; to?: number };
}

export interface Estimate {
  n: number;
  x: number;
  dontKnow: number;
  p: number | null;
  lo: number | null;
  hi: number | null;
  hidden: boolean;
  label: ReturnType<typeof estimateLabel>;
}

function estimate(x: number, n: number, dontKnow: number, hidden: boolean): Estimate {
  if (hidden) return { n: 0, x: 0, dontKnow: 0, p: null, lo: null, hi: null, hidden, label: estimateLabel(null, 0, 1) };
  const w = wilson(x, n);
  return { n, x, dontKnow, p: w?.p ?? null, lo: w?.lo ?? null, hi: w?.hi ?? null, hidden, label: estimateLabel(w, n, 0) };
}

export async function getProjectReport(db: Db, projectId: number, policy: DisclosurePolicy, opts: ReportOptions, clock: Clock) {
  const project = await getProjectRow(db, projectId);
  const k = policy.k;
  // Waves without an open date first on both engines, as SQLite sorts nulls.
  const allWaves = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const waveInfo = allWaves.map((w) => {
    const status = effectiveStatus(w, clock);
    return { id: w.id, name: w.name, phase: w.phase, status, opensOn: w.opensOn, closesOn: w.closesOn, liveResults: w.liveResults, disclosure: policy.stage({ status, liveResults: w.liveResults, releases: w.releases }) };
  });
  // What each wave shows is the policy's: nothing while it runs (or the whole wave only, from live releases),
  // per unit once it closes.
  const shown = waveInfo.filter((w) => w.disclosure.results !== 'none');
  const shownIds = shown.map((w) => w.id);
  const firstBaseline = shown.find((w) => w.phase === 'baseline');
  const lastFollowUp = [...shown].reverse().find((w) => w.phase === 'followup');
  const perUnitShown = (waveId: number) => waveInfo.find((w) => w.id === waveId)?.disclosure.results === 'all';
  const choice = opts.compare ?? {};
  for (const id of [choice.from, choice.to]) {
    if (id !== undefined && !shownIds.includes(id)) throw invalid('unknown_wave', 'Compare only waves of this project whose results are shown', [{ path: id === choice.from ? 'from' : 'to', code: 'unknown_wave', message: `${id}` }]);
  }
  if (choice.from !== undefined && choice.to !== undefined && shownIds.indexOf(choice.from) >= shownIds.indexOf(choice.to)) {
    throw invalid('compare_order', 'The first wave to compare must come before the second', [{ path: 'to', code: 'compare_order', message: `${choice.to}` }]);
  }
  const defaultCompare = { fromWaveId: choice.from ?? firstBaseline?.id ?? null, toWaveId: choice.to ?? lastFollowUp?.id ?? null };
  // Go-live per reporting cell: the latest of its members' dates (null while any member has none).
  const goLives = await db.select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate }).from(rollouts).where(eq(rollouts.projectId, projectId));
  const goLiveDates = (unitIds: readonly number[]) => unitIds.map((id) => goLives.find((r) => r.unitId === id)?.goLiveDate ?? null);
  const goLiveOf = (unitIds: readonly number[]) => {
    const dates = goLiveDates(unitIds);
    return dates.some((d) => d === null) ? null : dates.reduce((a, b) => (a! > b! ? a : b), dates[0] ?? null);
  };
  const today = todayUtc(clock);

  const linkRows = await waveLinkCells(db, allWaves.map((w) => w.id));
  const cellsByWave = new Map(allWaves.map((w) => [w.id, reportingCells(linkRows.filter((l) => l.waveId === w.id))]));
  const maySee = (unitIds: readonly number[]) => !opts.unitIds || unitIds.every((id) => opts.unitIds!.has(id));
  // One row per reporting cell over the waves: a unit alone, or a reporting group (its members never apart).
  const rowList = [...new Map([...cellsByWave.values()].flat().map((c) => [c.key, { key: c.key, name: c.name, group: c.group, unitIds: [] as number[] }])).values()];
  for (const row of rowList) row.unitIds = [...new Set([...cellsByWave.values()].flat().filter((c) => c.key === row.key).flatMap((c) => c.unitIds))];
  rowList.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const rowHeader = (row: (typeof rowList)[number]) => ({ key: row.key, unitId: row.group ? null : row.unitIds[0], unitName: row.name, group: row.group, unitIds: row.unitIds });
  const goLiveOfRow = (row: (typeof rowList)[number]) => {
    const goLiveDate = goLiveOf(row.unitIds);
    return { goLiveDate, live: goLiveDate !== null && goLiveDate <= today };
  };

  // Respondents per wave and unit (complete / partial), for response rates — over the same responses as the
  // results, so a response left out of the results (after the last live release) is not counted beside them.
  const respCounts = await respondentCounts(db, waveInfo.map((w) => ({ waveId: w.id, answers: w.disclosure.answers })));
  const respondentsOfCells = (waveId: number) => cellRespondents(cellsByWave.get(waveId)!, respCounts.filter((r) => r.waveId === waveId));
  // Answer counts per wave, unit, item and value, over the responses the policy lets each wave show.
  const counts = await answerCounts(db, shown.map((w) => ({ waveId: w.id, answers: w.disclosure.answers })));

  // The items each shown wave measured, from its frozen survey version.
  const itemsByWave = new Map<number, ItemMapEntry[]>();
  for (const w of allWaves) {
    if (!shownIds.includes(w.id) || !w.surveyVersionId) continue;
    itemsByWave.set(w.id, (await getSurveyVersion(db, w.surveyVersionId)).itemMap.items);
  }

  const behaviourRows = await db.select().from(behaviours).where(eq(behaviours.projectId, projectId)).orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  const unitIdsOfWave = (waveId: number) => linkRows.filter((l) => l.waveId === waveId).map((l) => l.unitId);
  // A change is only reported between waves that asked the same units, so it is about people, not coverage.
  const sameUnits = (a: number, b: number) => sameSet(unitIdsOfWave(a), unitIdsOfWave(b));

  // One set of hidden cells per wave, shared by every item table and the response rates (and the links list),
  // so that no table can undo another's hiding by subtraction.
  const hiddenByWave = new Map(
    allWaves.map((w) => [w.id, perUnitShown(w.id) ? policy.hiddenCells(w.id, cellsByWave.get(w.id)!, itemsByWave.get(w.id) ?? [], counts, respondentsOfCells(w.id)) : policy.hiddenCells(w.id, cellsByWave.get(w.id)!, [], counts)]),
  );

  // Whole-wave item counts that would pin a hidden cell (everyone in small units answered): left out, as the total.
  const pinnedByWave = new Map(
    shown.map((w) => {
      const cells = cellsByWave.get(w.id)!;
      const hidden = perUnitShown(w.id) ? hiddenByWave.get(w.id)!.hidden : new Set(cells.map((c) => c.key));
      return [w.id, policy.pinnedItems(w.id, cells, itemsByWave.get(w.id) ?? [], counts, hidden)];
    }),
  );

  /** One item across the shown waves: the project total per wave and the unit (or group) × wave cells. */
  const itemReport = (matches: (i: ItemMapEntry) => boolean) => {
    const perWave = shown.map((w) => ({ wave: w, item: itemsByWave.get(w.id)?.find(matches) }));
    const present = perWave.filter((p) => p.item);
    if (!present.length) return null;
    const ref = present[present.length - 1].item!;
    const overall = perWave.map(({ wave, item }) => {
      if (!item) return { waveId: wave.id, measured: false as const };
      const t = tally(counts, wave.id, unitIdsOfWave(wave.id), item);
      return { waveId: wave.id, measured: true as const, comparable: item.key === ref.key && item.scale === ref.scale && sameSet(item.favourable, ref.favourable), wordingChanged: item.text.da !== ref.text.da || item.text.en !== ref.text.en, ...estimate(t.x, t.n, t.dontKnow, policy.estimateCount(t) < k || pinnedByWave.get(wave.id)!.has(item.key)) };
    });
    const byRow = rowList.map((row) => ({ ...rowHeader(row), cells: [] as (Estimate & { waveId: number; hiddenReason: HiddenReason | null })[] }));
    for (const { wave, item } of perWave) {
      if (!item || !perUnitShown(wave.id)) continue;
      const { hidden } = hiddenByWave.get(wave.id)!;
      for (const cell of cellsByWave.get(wave.id)!) {
        const t = tally(counts, wave.id, cell.unitIds, item);
        // A cell where nobody answered the item is hidden too. Every hidden cell looks the same (the policy's
        // one reason): telling a cell below k from one hidden to protect another would narrow the hidden sum.
        const tooFew = policy.tooFew(t);
        const isHidden = tooFew || hidden.has(cell.key);
        byRow.find((r) => r.key === cell.key)!.cells.push({ waveId: wave.id, hiddenReason: isHidden ? policy.hiddenReason(tooFew) : null, ...estimate(t.x, t.n, t.dontKnow, isHidden) });
      }
    }
    return { key: ref.key, construct: ref.construct, scale: ref.scale, text: ref.text, overall, units: byRow.filter((r) => r.cells.length > 0 && maySee(r.unitIds)) };
  };

  // Waves with per-unit results, for the comparison with units not yet live.
  const closedWaves = shown.filter((w) => perUnitShown(w.id)).map((w) => ({ id: w.id, opensOn: w.opensOn }));
  type ItemRows = NonNullable<ReturnType<typeof itemReport>>;
  /** Each cell's shown counts per wave (a hidden cell or a changed item is left out) and its go-live dates. */
  const comparisonRows = (table: ItemRows): ComparisonRow[] =>
    table.units.map((row) => ({
      key: row.key,
      goLiveDates: goLiveDates(row.unitIds),
      counts: new Map(
        row.cells
          .filter((c) => !c.hidden && c.n > 0 && table.overall.some((o) => o.waveId === c.waveId && o.measured && o.comparable))
          .map((c) => [c.waveId, { x: c.x, n: c.n }]),
      ),
    }));
  /** A cell's change between two waves, only where both cells are shown. */
  const unitChange = (row: ItemRows['units'][number], from: number | null, to: number | null) => {
    const header = { key: row.key, unitId: row.unitId, unitName: row.unitName, group: row.group };
    const before = row.cells.find((c) => c.waveId === from);
    const after = row.cells.find((c) => c.waveId === to);
    const d = before && after && !before.hidden && !after.hidden ? newcombe(after.x, after.n, before.x, before.n) : null;
    return d ? { ...header, hidden: false as const, d: d.d, lo: d.lo, hi: d.hi, nBefore: before!.n, nAfter: after!.n } : { ...header, hidden: true as const };
  };

  const behaviourReports = behaviourRows
    .map((b) => {
      const scaleOf = (construct: ItemMapEntry['construct']) => (i: ItemMapEntry) => i.behaviourId === b.id && i.construct === construct && i.type === 'scale';
      const adoption = itemReport(scaleOf('adoption'));
      const diagnostics = (['old_behaviour', 'capability', 'opportunity', 'motivation'] as const).map((c) => itemReport(scaleOf(c))).filter((r) => r !== null);
      const compared = adoption ? changeBetween(adoption.overall, shown, sameUnits, choice) : null;
      const rowsCompared = adoption ? comparisonRows(adoption) : [];
      const comparison = adoption ? comparisonOf(rowsCompared, closedWaves) : null;
      // The comparison group's line over the waves: a pool of shown cells only, under the same threshold as any
      // cell (a pool of shown cells always reaches it; the check keeps that true if the pool ever changes).
      const series = adoption ? comparisonSeries(rowsCompared, closedWaves) : null;
      const comparisonLine = series?.map(({ waveId, x, n, cells, liveCells }) => ({ waveId, cells, liveCells, ...estimate(x, n, 0, cells === 0 || policy.tooFew({ n, dontKnow: 0 })) })) ?? null;
      const pair = compared?.change ? { from: compared.change.fromWaveId, to: compared.change.toWaveId } : { from: defaultCompare.fromWaveId, to: defaultCompare.toWaveId };
      const unitChanges = adoption ? adoption.units.map((row) => unitChange(row, pair.from, pair.to)) : [];
      return { id: b.id, title: b.title, archived: !!b.archivedAt, adoption, diagnostics, change: compared?.change ?? null, changeNote: compared?.note ?? null, unitChanges, comparison, comparisonLine };
    })
    .filter((b) => b.adoption || !b.archived);

  // The secretariat's own questions with favourable answers (rating or one choice), by their stable key.
  const customKeys = [...new Set([...itemsByWave.values()].flat().filter((i) => i.construct === 'custom' && (i.type === 'scale' || i.type === 'choice') && i.favourable?.length).map((i) => i.key))];
  const customItems = customKeys.map((key) => itemReport((i) => i.key === key)).filter((r) => r !== null);

  // Badges only for changes that survive Benjamini–Hochberg over the adoption changes shown together.
  const bh = benjaminiHochberg(behaviourReports.map((b) => b.change?.p ?? null), DEFAULT_FDR);
  // The comparisons get their own correction: p from the interval's normal approximation (two-sided).
  const comparisonP = (c: (typeof behaviourReports)[number]['comparison']) => (c?.available ? 2 * normalSf(Math.abs(c.did) / Math.max((c.hi - c.lo) / (2 * 1.959963984540054), 1e-12)) : null);
  const bhComparison = benjaminiHochberg(behaviourReports.map((b) => comparisonP(b.comparison)), DEFAULT_FDR);
  const withLabels = behaviourReports.map((b, i) => {
    const comparison = b.comparison?.available ? { ...b.comparison, label: comparisonLabel(b.comparison, project.mid / 100, bhComparison.reject[i]) } : b.comparison;
    if (!b.change) return { ...b, comparison, change: null };
    const { wilsonBefore, wilsonAfter, ...change } = b.change;
    const label = changeLabel(change, project.mid / 100, change.nAfter, change.nBefore, { threshold: k, survivesMultiplicity: bh.reject[i], wilsonAfter, wilsonBefore });
    // Words that suggest the project caused a change belong to the comparison; a bare before/after says so.
    const design = comparison?.available ? ('comparison' as const) : ('before_after' as const);
    return { ...b, comparison, change: { ...change, pAdjusted: bh.adjusted[i], label, design } };
  });

  // Benefits beside the behaviours that create them: the KPI against baseline and target, the adoption of the
  // linked behaviours, and what staff say they noticed (a benefit, or a drawback for a negative benefit).
  const benefitRows = await db.select().from(benefits).where(and(eq(benefits.projectId, projectId), isNull(benefits.archivedAt))).orderBy(asc(benefits.sortOrder), asc(benefits.id));
  const benefitIds = benefitRows.map((r) => r.id);
  const links = benefitIds.length ? await db.select().from(behaviourBenefits).where(inArray(behaviourBenefits.benefitId, benefitIds)) : [];
  const measurements = benefitIds.length
    ? await db.select().from(kpiMeasurements).where(inArray(kpiMeasurements.benefitId, benefitIds)).orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id))
    : [];
  const benefitReports = benefitRows.map((bf) => {
    const behaviourIds = links.filter((l) => l.benefitId === bf.id).map((l) => l.behaviourId);
    const construct = bf.direction === 'negative' ? 'drawback' : 'benefit';
    const staff = behaviourIds
      .map((behaviourId) => ({ behaviourId, item: itemReport((i) => i.behaviourId === behaviourId && i.construct === construct && i.key === `b${behaviourId}.${construct}.${bf.id}`) }))
      .filter((s) => s.item !== null);
    return {
      id: bf.id,
      title: bf.title,
      direction: bf.direction,
      type: bf.type,
      owner: bf.owner,
      measure: bf.measure,
      measureUnit: bf.measureUnit,
      dataSource: bf.dataSource,
      baseline: { value: bf.baselineValue, date: bf.baselineDate },
      target: { value: bf.targetValue, date: bf.targetDate },
      measurements: measurements.filter((m) => m.benefitId === bf.id).map((m) => ({ value: m.value, measuredOn: m.measuredOn, note: m.note })),
      behaviourIds,
      /** For a negative benefit, "favourable" is not having noticed the drawback (the item's favourable answers). */
      staff,
    };
  });

  // Response rates (RR1, RR2) per wave and reporting cell: a cell's counts only once the wave shows per-unit
  // numbers and where its hidden set lets them; the wave total is left out where it alone would reveal a cell.
  const responded = (waveId: number, unitIds: number[], complete: boolean) =>
    respCounts.filter((r) => r.waveId === waveId && r.complete === complete && unitIds.includes(r.unitId)).reduce((sum, r) => sum + r.n, 0);
  const rateOf = (waveId: number, unitIds: number[]) => {
    const links = linkRows.filter((l) => l.waveId === waveId && unitIds.includes(l.unitId));
    const { countsShown: _headcountRule, over100, ...r } = responseRates(
      { headcount: links.reduce((s, l) => s + l.headcount, 0), ineligible: links.reduce((s, l) => s + l.ineligible, 0), complete: responded(waveId, unitIds, true), partial: responded(waveId, unitIds, false) },
      k,
    );
    return { ...r, overHundred: over100 };
  };
  const rates = waveInfo.map((w) => {
    const { hidden, hideTotal } = hiddenByWave.get(w.id)!;
    const rows = cellsByWave
      .get(w.id)!
      .filter((cell) => maySee(cell.unitIds))
      .map((cell) => {
        const header = { key: cell.key, unitId: cell.group ? null : cell.unitIds[0], unitName: cell.name, group: cell.group, unitIds: cell.unitIds };
        return !w.disclosure.unitCounts || hidden.has(cell.key) ? { ...header, hidden: true as const } : { ...header, hidden: false as const, ...rateOf(w.id, cell.unitIds) };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da'));
    // While a wave runs, its response rate is held back (the waves list counts respondents): its split into
    // complete and partial would tell, poll by poll, whether the newest respondents answered everything.
    const pending = w.status === 'open';
    const total = hideTotal || pending ? { hidden: true as const } : { hidden: false as const, ...rateOf(w.id, unitIdsOfWave(w.id)) };
    return { waveId: w.id, unitsShown: w.disclosure.unitCounts, ...total, units: rows };
  });

  return {
    project: { id: project.id, name: project.name, mid: project.mid },
    threshold: k,
    waves: waveInfo.map(({ disclosure, ...w }) => ({ ...w, resultsShown: disclosure.results !== 'none', unitResultsShown: disclosure.results === 'all', unitCount: unitIdsOfWave(w.id).length })),
    units: rowList.filter((r) => maySee(r.unitIds)).map((r) => ({ id: r.group ? null : r.unitIds[0], key: r.key, name: r.name, group: r.group, unitIds: r.unitIds, ...goLiveOfRow(r) })),
    compare: defaultCompare,
    fdr: DEFAULT_FDR,
    behaviours: withLabels,
    benefits: benefitReports,
    customItems,
    responseRates: rates,
  };
}


const sameSet = (a: unknown[] = [], b: unknown[] = []) => a.length === b.length && a.every((v) => b.includes(v));

/** Change between two waves: the chosen ones, or the first baseline and the latest follow-up over the same
 *  units. Newcombe's interval, and the score-test p of the favourable share for the multiplicity correction (the
 *  label is added after BH over the page). When the follow-up does not cover the baseline's units, the note says so. */
function changeBetween(
  overall: ({ waveId: number; measured: false } | ({ waveId: number; measured: true; comparable: boolean } & Estimate))[],
  shown: { id: number; phase: 'baseline' | 'followup' }[],
  sameUnits: (a: number, b: number) => boolean,
  choice: { from?: number; to?: number },
) {
  const measured = overall.filter((o): o is Extract<typeof o, { measured: true }> => o.measured && o.comparable && !o.hidden && o.n > 0);
  const phaseOf = (waveId: number) => shown.find((w) => w.id === waveId)?.phase;
  const before = choice.from !== undefined ? measured.find((o) => o.waveId === choice.from) : measured.find((o) => phaseOf(o.waveId) === 'baseline');
  const candidates = choice.to !== undefined ? measured.filter((o) => o.waveId === choice.to) : [...measured].reverse().filter((o) => phaseOf(o.waveId) === 'followup');
  if (!before || !candidates.length) return null;
  const after = candidates.find((o) => sameUnits(o.waveId, before.waveId));
  if (!after) return { change: null, note: 'different_units' as const };
  const d = newcombe(after.x, after.n, before.x, before.n);
  if (!d) return null;
  return {
    note: null,
    change: {
      fromWaveId: before.waveId,
      toWaveId: after.waveId,
      d: d.d,
      lo: d.lo,
      hi: d.hi,
      nBefore: before.n,
      nAfter: after.n,
      // The same question the interval answers (did the favourable share change?), for Benjamini–Hochberg.
      p: twoProportionP(after.x, after.n, before.x, before.n),
      wilsonBefore: wilson(before.x, before.n),
      wilsonAfter: wilson(after.x, after.n),
    },
  };
}
