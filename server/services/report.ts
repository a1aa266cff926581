// The project report: % favourable per behaviour item, wave and unit, with Wilson intervals,
// anonymity suppression and response rates. Everything a manager sees is decided here, on the server.
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { behaviours, responses, units, waveLinks, waves } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { benjaminiHochberg, changeLabel, estimateLabel, newcombe, responseRates, twoProportionP, wilson, DEFAULT_FDR } from '../analysis';
import type { Clock } from './clock';
import { countVisibility } from './countVisibility';
import { getProjectRow } from './projects';
import { getSurveyVersion } from './surveys';
import { answerCounts, answeredCount, hiddenUnitsOfWave, tally } from './waveHiding';
import { effectiveStatus } from './waves';

export interface ReportOptions {
  threshold: number;
  /** Units the viewer may see; null/undefined = all. Suppression and totals are always decided over all
   *  units, so a narrower view cannot be subtracted from a wider one to reveal a hidden group. */
  unitIds?: Set<number> | null;
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

/** The one reason a hidden cell gives: never whether it was too small itself or hidden to protect another. */
export const HIDDEN_REASON = 'protected' as const;

export async function getProjectReport(db: Db, projectId: number, opts: ReportOptions, clock: Clock) {
  const project = await getProjectRow(db, projectId);
  const k = opts.threshold;
  // Waves without an open date first on both engines, as SQLite sorts nulls.
  const allWaves = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const waveInfo = allWaves.map((w) => ({ id: w.id, name: w.name, phase: w.phase, status: effectiveStatus(w, clock), opensOn: w.opensOn, closesOn: w.closesOn, liveResults: w.liveResults }));
  // Results of a wave are shown only after it closes, unless the secretariat opened live results.
  const shown = waveInfo.filter((w) => w.status === 'closed' || (w.status === 'open' && w.liveResults));
  const shownIds = shown.map((w) => w.id);

  const linkRows = allWaves.length
    ? await db
        .select({ waveId: waveLinks.waveId, unitId: waveLinks.unitId, unitName: units.name, headcount: waveLinks.headcountAtOpen, ineligible: waveLinks.ineligible, parentId: units.parentId })
        .from(waveLinks)
        .innerJoin(units, eq(units.id, waveLinks.unitId))
        .where(inArray(waveLinks.waveId, allWaves.map((w) => w.id)))
        .orderBy(asc(waveLinks.waveId), asc(waveLinks.unitId))
    : [];
  const maySee = (unitId: number) => !opts.unitIds || opts.unitIds.has(unitId);
  const unitList = [...new Map(linkRows.map((l) => [l.unitId, { id: l.unitId, name: l.unitName }])).values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));

  // Response counts per wave and unit (complete / partial) for response rates.
  const respCounts = allWaves.length
    ? await db
        .select({ waveId: responses.waveId, unitId: responses.unitId, complete: responses.complete, n: count() })
        .from(responses)
        .where(inArray(responses.waveId, allWaves.map((w) => w.id)))
        .groupBy(responses.waveId, responses.unitId, responses.complete)
    : [];

  // Answer counts per wave, unit, item and value.
  const counts = await answerCounts(db, shownIds);

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

  // One set of hidden units per wave, shared by every item table and the response rates (and the links list),
  // so that no table can undo another's hiding by subtraction.
  const hiddenByWave = new Map<number, Set<number>>();
  for (const w of allWaves) {
    hiddenByWave.set(w.id, hiddenUnitsOfWave(w.id, linkRows.filter((l) => l.waveId === w.id), itemsByWave.get(w.id) ?? [], counts, k));
  }

  /** One item across the shown waves: the project total per wave and the suppressed unit × wave cells. */
  const itemReport = (matches: (i: ItemMapEntry) => boolean) => {
    const perWave = shown.map((w) => ({ wave: w, item: itemsByWave.get(w.id)?.find(matches) }));
    const present = perWave.filter((p) => p.item);
    if (!present.length) return null;
    const ref = present[present.length - 1].item!;
    const overall = perWave.map(({ wave, item }) => {
      if (!item) return { waveId: wave.id, measured: false as const };
      const t = tally(counts, wave.id, unitIdsOfWave(wave.id), item);
      // The estimate rests on the substantive answers: "ved ikke" does not count towards k.
      const tooFew = t.n < k;
      return { waveId: wave.id, measured: true as const, comparable: item.key === ref.key && item.scale === ref.scale && sameSet(item.favourable, ref.favourable), wordingChanged: item.text.da !== ref.text.da || item.text.en !== ref.text.en, ...estimate(t.x, t.n, t.dontKnow, tooFew) };
    });
    // Unit × wave: suppress per wave among the units shown side by side, including complementary hiding.
    const byUnit = unitList.map((u) => ({ unitId: u.id, unitName: u.name, cells: [] as (Estimate & { waveId: number; hiddenReason: typeof HIDDEN_REASON | null })[] }));
    for (const { wave, item } of perWave) {
      if (!item) continue;
      const hidden = hiddenByWave.get(wave.id)!;
      for (const id of unitIdsOfWave(wave.id)) {
        const t = { id, ...tally(counts, wave.id, [id], item) };
        // A unit where nobody answered the item is hidden too. Every hidden cell looks the same: the reason
        // never tells a unit below k from one hidden to protect another (that would narrow the hidden sum's split).
        const isHidden = answeredCount(t) === 0 || t.n < k || hidden.has(id);
        byUnit.find((u) => u.unitId === t.id)!.cells.push({ waveId: wave.id, hiddenReason: isHidden ? HIDDEN_REASON : null, ...estimate(t.x, t.n, t.dontKnow, isHidden) });
      }
    }
    return { key: ref.key, construct: ref.construct, scale: ref.scale, text: ref.text, overall, units: byUnit.filter((u) => maySee(u.unitId)) };
  };

  const behaviourReports = behaviourRows
    .map((b) => {
      const scaleOf = (construct: ItemMapEntry['construct']) => (i: ItemMapEntry) => i.behaviourId === b.id && i.construct === construct && i.type === 'scale';
      const adoption = itemReport(scaleOf('adoption'));
      const diagnostics = (['old_behaviour', 'capability', 'opportunity', 'motivation'] as const).map((c) => itemReport(scaleOf(c))).filter((r) => r !== null);
      const compared = adoption ? changeBetween(adoption.overall, shown, k, sameUnits) : null;
      return { id: b.id, title: b.title, archived: !!b.archivedAt, adoption, diagnostics, change: compared?.change ?? null, changeNote: compared?.note ?? null };
    })
    .filter((b) => b.adoption || !b.archived);

  // The secretariat's own questions with favourable answers (rating or one choice), by their stable key.
  const customKeys = [...new Set([...itemsByWave.values()].flat().filter((i) => i.construct === 'custom' && (i.type === 'scale' || i.type === 'choice') && i.favourable?.length).map((i) => i.key))];
  const customItems = customKeys.map((key) => itemReport((i) => i.key === key)).filter((r) => r !== null);

  // Badges only for changes that survive Benjamini–Hochberg over the adoption changes shown together.
  const bh = benjaminiHochberg(behaviourReports.map((b) => b.change?.p ?? null), DEFAULT_FDR);
  const withLabels = behaviourReports.map((b, i) => {
    if (!b.change) return { ...b, change: null };
    const { wilsonBefore, wilsonAfter, ...change } = b.change;
    const label = changeLabel(change, project.mid / 100, change.nAfter, change.nBefore, { threshold: k, survivesMultiplicity: bh.reject[i], wilsonAfter, wilsonBefore });
    return { ...b, change: { ...change, pAdjusted: bh.adjusted[i], label } };
  });

  // Response rates (RR1, RR2) per wave and unit. A unit's counts only where its headcount reaches k, with
  // complementary hiding; the wave total is left out where it alone would reveal a hidden unit's count.
  const responded = (waveId: number, unitIds: number[], complete: boolean) =>
    respCounts.filter((r) => r.waveId === waveId && r.complete === complete && unitIds.includes(r.unitId)).reduce((sum, r) => sum + r.n, 0);
  const rateOf = (links: typeof linkRows) => {
    const ids = links.map((l) => l.unitId);
    const { countsShown: _headcountRule, over100, ...r } = responseRates(
      { headcount: links.reduce((s, l) => s + l.headcount, 0), ineligible: links.reduce((s, l) => s + l.ineligible, 0), complete: responded(links[0]?.waveId ?? 0, ids, true), partial: responded(links[0]?.waveId ?? 0, ids, false) },
      k,
    );
    return { ...r, overHundred: over100 };
  };
  const rates = waveInfo.map((w) => {
    const links = linkRows.filter((l) => l.waveId === w.id);
    const { hideTotal } = countVisibility(links, k);
    const hidden = hiddenByWave.get(w.id)!;
    const units_ = links.map((l) =>
      hidden.has(l.unitId) ? { unitId: l.unitId, unitName: l.unitName, hidden: true as const } : { unitId: l.unitId, unitName: l.unitName, hidden: false as const, ...rateOf([l]) },
    );
    const shownUnits = units_.filter((u) => maySee(u.unitId));
    return hideTotal ? { waveId: w.id, hidden: true as const, units: shownUnits } : { waveId: w.id, hidden: false as const, ...rateOf(links), units: shownUnits };
  });

  return {
    project: { id: project.id, name: project.name, mid: project.mid },
    threshold: k,
    waves: waveInfo.map((w) => ({ ...w, resultsShown: shownIds.includes(w.id), unitCount: unitIdsOfWave(w.id).length })),
    units: unitList.filter((u) => maySee(u.id)),
    fdr: DEFAULT_FDR,
    behaviours: withLabels,
    customItems,
    responseRates: rates,
  };
}


const sameSet = (a: unknown[] = [], b: unknown[] = []) => a.length === b.length && a.every((v) => b.includes(v));

/** Change from the first baseline to the latest follow-up over the same units: Newcombe's interval, and the
 *  score-test p of the favourable share for the multiplicity correction (the label is added after BH
 *  over the page). When follow-ups exist but none covers the baseline's units, the note says so. */
function changeBetween(
  overall: ({ waveId: number; measured: false } | ({ waveId: number; measured: true; comparable: boolean } & Estimate))[],
  shown: { id: number; phase: 'baseline' | 'followup' }[],
  k: number,
  sameUnits: (a: number, b: number) => boolean,
) {
  const measured = overall.filter((o): o is Extract<typeof o, { measured: true }> => o.measured && o.comparable && !o.hidden && o.n > 0);
  const phaseOf = (waveId: number) => shown.find((w) => w.id === waveId)?.phase;
  const before = measured.find((o) => phaseOf(o.waveId) === 'baseline');
  const followUps = [...measured].reverse().filter((o) => phaseOf(o.waveId) === 'followup');
  if (!before || !followUps.length) return null;
  const after = followUps.find((o) => sameUnits(o.waveId, before.waveId));
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
