// Feedback to staff ("det har I sagt – det gør vi") behind a unit's staff link once its wave has closed: the unit's
// results exactly as the project report publishes them (its hidden cells hidden, with the report's one reason),
// the actions the unit's leaders recorded, and the unit's agreed descriptions. Nothing while the wave is open (the
// disclosure policy shows no per-unit result during fieldwork), nothing behind a revoked or unknown link.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, behaviours, behaviourUnits, unitBehaviourDescriptions } from '../../db/schema';
import type { Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { conflict, DomainError } from './errors';
import { getProjectReport } from './report';
import { findLink } from './responses';
import { effectiveStatus } from './waves';

/** The constructs staff read back, in this order: doing the new behaviour, then why it may lag (COM-B). */
const CONSTRUCTS = ['adoption', 'capability', 'opportunity', 'motivation'] as const;

export async function getUnitFeedback(db: Db, token: string, policy: DisclosurePolicy, clock: Clock) {
  const row = await findLink(db, token);
  // A withdrawn link answers nothing at all, as an unknown one: its feedback is not for whoever holds it now.
  if (!row || row.link.revokedAt) throw new DomainError('not_found', 'link_unknown', 'This survey link does not exist. Check that the whole link was copied.');
  if (effectiveStatus(row.wave, clock) !== 'closed') throw conflict('feedback_not_ready', 'The results are shown here once the survey has closed.');
  const { wave } = row;
  const unit = { id: row.link.unitId, name: row.unitName, nameEn: row.unitNameEn };
  const project = { id: wave.projectId, name: row.projectName, nameEn: row.projectNameEn };

  // The report's own numbers and hiding, over all units (hiding is decided over all of them anyway), read for
  // the cell this unit is reported in: the unit alone, or its reporting group together.
  const report = await getProjectReport(db, project.id, policy, {}, clock);
  const shownWave = report.waves.find((w) => w.id === wave.id);
  const unitResultsShown = !!shownWave?.unitResultsShown;
  const behaviourRows = await db.select().from(behaviours).where(and(eq(behaviours.projectId, project.id), isNull(behaviours.archivedAt))).orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  const behaviourIds = behaviourRows.map((b) => b.id);

  let group: string | null = null;
  const results = unitResultsShown
    ? report.behaviours
        .filter((b) => behaviourIds.includes(b.id))
        .map((b) => {
          const tables = [b.adoption, ...b.diagnostics].filter((t) => t !== null && (CONSTRUCTS as readonly string[]).includes(t.construct));
          const items = tables.flatMap((t) => {
            // The row of the cell the unit was reported in at this wave: a unit grouped in an earlier wave and
            // alone now (or the other way round) has a row for each, and only this wave's has a cell.
            const unitRow = t!.units.find((r) => r.unitIds.includes(unit.id) && r.cells.some((c) => c.waveId === wave.id));
            const cell = unitRow?.cells.find((c) => c.waveId === wave.id);
            if (!unitRow || !cell) return [];
            group ??= unitRow.group;
            const construct = t!.construct as (typeof CONSTRUCTS)[number];
            // A hidden cell carries the report's reason only; its counts never leave the server. "Few responses"
            // is the report's own label (Wilson half-width over 0.20).
            return [cell.hidden ? { construct, hidden: true as const, reason: cell.hiddenReason } : { construct, hidden: false as const, x: cell.x, n: cell.n, dontKnow: cell.dontKnow, p: cell.p, lo: cell.lo, hi: cell.hi, indicative: cell.label.code === 'indicative' }];
          });
          items.sort((a, c) => CONSTRUCTS.indexOf(a.construct) - CONSTRUCTS.indexOf(c.construct));
          return { behaviourId: b.id, items };
        })
        .filter((b) => b.items.length > 0)
    : [];
  const rate = report.responseRates.find((r) => r.waveId === wave.id)?.units.find((u) => u.unitIds.includes(unit.id));

  const recorded = behaviourIds.length
    ? await db
        .select({ id: actions.id, behaviourId: actions.behaviourId, title: actions.title, type: actions.type, status: actions.status, dueDate: actions.dueDate })
        .from(actions)
        .where(and(eq(actions.projectId, project.id), eq(actions.unitId, unit.id), inArray(actions.behaviourId, behaviourIds)))
        .orderBy(asc(actions.dueDate), asc(actions.id))
    : [];
  const descriptions = behaviourIds.length
    ? await db
        .select({ behaviourId: unitBehaviourDescriptions.behaviourId, description: unitBehaviourDescriptions.description, descriptionEn: unitBehaviourDescriptions.descriptionEn })
        .from(unitBehaviourDescriptions)
        .where(and(eq(unitBehaviourDescriptions.unitId, unit.id), inArray(unitBehaviourDescriptions.behaviourId, behaviourIds)))
    : [];

  // The behaviours that apply to the unit (one naming no units applies to all), and any other it has something on.
  const scoped = behaviourIds.length ? await db.select().from(behaviourUnits).where(inArray(behaviourUnits.behaviourId, behaviourIds)) : [];
  const appliesToUnit = (id: number) => !scoped.some((s) => s.behaviourId === id) || scoped.some((s) => s.behaviourId === id && s.unitId === unit.id);
  const allHidden = results.length > 0 && results.every((b) => b.items.every((i) => i.hidden));
  return {
    project: { name: project.name, nameEn: project.nameEn },
    unit: { name: unit.name, nameEn: unit.nameEn },
    wave: { name: wave.name, nameEn: wave.nameEn, phase: wave.phase, closesOn: wave.closesOn },
    threshold: report.threshold,
    /** The reporting group the unit's answers are reported in together, if any. */
    group,
    /** Why no numbers are shown: all of the unit's cells are hidden, or the report shows no unit results for the wave. */
    resultsNote: !unitResultsShown ? ('not_shown' as const) : allHidden ? ('hidden' as const) : results.length === 0 ? ('no_results' as const) : null,
    responseRate: rate && !rate.hidden ? { rr1: rate.rr1, complete: rate.complete, eligible: rate.eligible } : null,
    behaviours: behaviourRows
      .filter((b) => appliesToUnit(b.id) || results.some((r) => r.behaviourId === b.id) || recorded.some((a) => a.behaviourId === b.id) || descriptions.some((d) => d.behaviourId === b.id))
      .map((b) => ({
        id: b.id,
        title: b.title,
        titleEn: b.titleEn,
        results: results.find((r) => r.behaviourId === b.id)?.items ?? [],
        description: descriptions.find((d) => d.behaviourId === b.id) ?? null,
        actions: recorded.filter((a) => a.behaviourId === b.id).map(({ behaviourId: _b, ...a }) => a),
      })),
  };
}
