// The shared picture (fælles billede): a read-only page of a project for staff meetings, the intranet and a
// projector, behind a share link without login. The secretariat chooses its sections and makes (and revokes) the
// links, project-wide or for one unit. By default everything on it is what the secretariat and the units' leaders
// wrote into the project — purpose, behaviours, benefits and drawbacks, go-live dates, the unit's agreed
// descriptions. Only the "results" section, off unless switched on, shows anything from answers: the project's
// total adoption per behaviour in its latest closed wave, taken from the project report as published (a total the
// report hides stays hidden), never a unit's or a group's numbers (docs/data-protection.md).
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import { behaviours, behaviourUnits, benefits, goals, projects, rollouts, shareLinks, unitBehaviourDescriptions, units } from '../../db/schema';
import { sharedPictureOf, type SharedPictureInput, type ShareLinkInput } from '../contract/sharedPicture';
import type { Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { DomainError, notFound } from './errors';
import { fieldError } from './fieldErrors';
import { getProjectRow } from './projects';
import { getProjectReport } from './report';
import { newToken } from './waves';

const urlOf = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/p/${token}`;

type ShareLinkRow = typeof shareLinks.$inferSelect;
const linkAnswer = (l: ShareLinkRow, unitName: string | null, publicUrl: string) => ({
  id: l.id,
  unitId: l.unitId,
  unitName,
  token: l.token,
  url: urlOf(publicUrl, l.token),
  revokedAt: l.revokedAt,
  createdAt: l.createdAt,
});

/** The secretariat's view: the chosen sections, the project's share links (newest first) and its units to choose from. */
export async function getSharedPictureSettings(db: Db, projectId: number, publicUrl: string) {
  const project = await getProjectRow(db, projectId);
  const links = await db
    .select({ link: shareLinks, unitName: units.name })
    .from(shareLinks)
    .leftJoin(units, eq(units.id, shareLinks.unitId))
    .where(eq(shareLinks.projectId, projectId))
    .orderBy(desc(shareLinks.id));
  const projectUnits = await db
    .select({ id: units.id, name: units.name })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(and(eq(rollouts.projectId, projectId), isNull(units.retiredAt)));
  projectUnits.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return { sections: sharedPictureOf(project.sharedPicture), links: links.map((r) => linkAnswer(r.link, r.unitName, publicUrl)), units: projectUnits };
}

/** Which sections the page shows. Not versioned (like pairing and rollouts): a set of switches with no form to lose. */
export async function setSharedPictureSections(db: Db, projectId: number, input: SharedPictureInput) {
  await getProjectRow(db, projectId);
  await db.update(projects).set({ sharedPicture: input.sections }).where(eq(projects.id, projectId));
  return { sections: sharedPictureOf(input.sections) };
}

/** A new share link for the whole project or one of its units (a unit the project has not rolled out to is refused). */
export async function createShareLink(db: Db, projectId: number, input: ShareLinkInput, publicUrl: string) {
  await getProjectRow(db, projectId);
  const unitId = input.unitId ?? null;
  let unitName: string | null = null;
  if (unitId !== null) {
    const [unit] = await db
      .select({ name: units.name })
      .from(rollouts)
      .innerJoin(units, eq(units.id, rollouts.unitId))
      .where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId)))
      .limit(1);
    if (!unit) throw fieldError('unit_not_in_project', 'unitId', 'The unit is not one of the project\'s units');
    unitName = unit.name;
  }
  const [link] = await db.insert(shareLinks).values({ projectId, unitId, token: newToken() }).returning();
  return linkAnswer(link, unitName, publicUrl);
}

async function linkOfProject(db: Db, projectId: number, linkId: number) {
  const [row] = await db
    .select({ link: shareLinks, unitName: units.name })
    .from(shareLinks)
    .leftJoin(units, eq(units.id, shareLinks.unitId))
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.projectId, projectId)))
    .limit(1);
  if (!row) throw notFound('Share link');
  return row;
}

/** Revokes a share link: from now on its address answers 404, as if it never existed. Revoking twice is a no-op. */
export async function revokeShareLink(db: Db, projectId: number, linkId: number, publicUrl: string, clock: Clock) {
  const { link, unitName } = await linkOfProject(db, projectId, linkId);
  if (link.revokedAt) return linkAnswer(link, unitName, publicUrl);
  const [updated] = await db.update(shareLinks).set({ revokedAt: clock.now().toISOString() }).where(eq(shareLinks.id, linkId)).returning();
  return linkAnswer(updated, unitName, publicUrl);
}

/** The link's QR code as SVG, for a slide or the intranet. */
export async function shareLinkQrSvg(db: Db, projectId: number, linkId: number, publicUrl: string) {
  const { link } = await linkOfProject(db, projectId, linkId);
  return QRCode.toString(urlOf(publicUrl, link.token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** What the public page shows behind a share link; an unknown or revoked link is 404 and shows nothing. Each
 *  section that is switched off is null, so its content never leaves the server. */
export async function getPublicPicture(db: Db, token: string, policy: DisclosurePolicy, clock: Clock) {
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.token, token)).limit(1);
  if (!row || row.revokedAt) throw new DomainError('not_found', 'share_link_unknown', 'This link does not exist or has been withdrawn.');
  const project = await getProjectRow(db, row.projectId);
  const on = sharedPictureOf(project.sharedPicture);
  const [unit] = row.unitId ? await db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(eq(units.id, row.unitId)).limit(1) : [];

  const goalRows = on.purpose ? await db.select({ title: goals.title }).from(goals).where(eq(goals.projectId, project.id)).orderBy(asc(goals.sortOrder), asc(goals.id)) : [];

  let behaviourList = null;
  if (on.behaviours) {
    let rows = await db.select().from(behaviours).where(and(eq(behaviours.projectId, project.id), isNull(behaviours.archivedAt))).orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
    // A unit's link shows the behaviours that apply to the unit (a behaviour naming no units applies to all).
    if (unit && rows.length) {
      const scoped = await db.select().from(behaviourUnits).where(inArray(behaviourUnits.behaviourId, rows.map((b) => b.id)));
      rows = rows.filter((b) => !scoped.some((s) => s.behaviourId === b.id) || scoped.some((s) => s.behaviourId === b.id && s.unitId === unit.id));
    }
    const descriptions =
      unit && on.unitDescriptions && rows.length
        ? await db
            .select()
            .from(unitBehaviourDescriptions)
            .where(and(eq(unitBehaviourDescriptions.unitId, unit.id), inArray(unitBehaviourDescriptions.behaviourId, rows.map((b) => b.id))))
        : [];
    behaviourList = rows.map((b) => {
      const d = descriptions.find((x) => x.behaviourId === b.id);
      return {
        id: b.id,
        title: b.title,
        titleEn: b.titleEn,
        description: b.description,
        descriptionEn: b.descriptionEn,
        oldBehaviour: b.oldBehaviour,
        oldBehaviourEn: b.oldBehaviourEn,
        targetGroup: b.targetGroup,
        situation: b.situation,
        situationEn: b.situationEn,
        expectedFrequency: b.expectedFrequency,
        /** The unit's own agreed description ("sådan gør vi hos os"); null when none is recorded or not shown. */
        unitDescription: d ? { description: d.description, descriptionEn: d.descriptionEn, updatedAt: d.updatedAt } : null,
      };
    });
  }

  const benefitRows = on.benefits || on.drawbacks ? await db.select().from(benefits).where(and(eq(benefits.projectId, project.id), isNull(benefits.archivedAt))).orderBy(asc(benefits.sortOrder), asc(benefits.id)) : [];
  // The KPI's name, target and date as the secretariat wrote them; no owner (a person) and no measurements.
  const benefitOf = (b: (typeof benefitRows)[number]) => ({ id: b.id, title: b.title, titleEn: b.titleEn, type: b.type, measure: b.measure, measureUnit: b.measureUnit, targetValue: b.targetValue, targetDate: b.targetDate });

  const timeline = on.timeline
    ? (
        await db
          .select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate, name: units.name, nameEn: units.nameEn })
          .from(rollouts)
          .innerJoin(units, eq(units.id, rollouts.unitId))
          .where(and(eq(rollouts.projectId, project.id), isNull(units.retiredAt)))
      )
        .sort((a, b) => (a.goLiveDate ?? '9999').localeCompare(b.goLiveDate ?? '9999') || a.name.localeCompare(b.name, 'da'))
        .map((r) => ({ unitId: r.unitId, name: r.name, nameEn: r.nameEn, goLiveDate: r.goLiveDate, ownUnit: r.unitId === unit?.id }))
    : null;

  const results = on.results ? await publishedResults(db, project.id, policy, clock) : null;

  return {
    project: { name: project.name, nameEn: project.nameEn },
    unit: unit ? { name: unit.name, nameEn: unit.nameEn } : null,
    sections: on,
    purpose: on.purpose ? { purpose: project.purpose, purposeEn: project.purposeEn, goals: goalRows.map((g) => g.title) } : null,
    behaviours: behaviourList,
    benefits: on.benefits ? benefitRows.filter((b) => b.direction === 'positive').map(benefitOf) : null,
    drawbacks: on.drawbacks ? benefitRows.filter((b) => b.direction === 'negative').map(benefitOf) : null,
    timeline,
    results,
  };
}

/** The project's total adoption per behaviour in its latest closed wave, exactly as the report publishes it (the
 *  report hides a total below the threshold; so does this). Not live results of a running wave, and no unit rows. */
async function publishedResults(db: Db, projectId: number, policy: DisclosurePolicy, clock: Clock) {
  const report = await getProjectReport(db, projectId, policy, {}, clock);
  const wave = [...report.waves].reverse().find((w) => w.status === 'closed' && w.resultsShown);
  if (!wave) return { wave: null, behaviours: [] };
  const titles = await db.select({ id: behaviours.id, title: behaviours.title, titleEn: behaviours.titleEn }).from(behaviours).where(eq(behaviours.projectId, projectId));
  const rows = report.behaviours
    .filter((b) => !b.archived && b.adoption)
    .flatMap((b) => {
      const cell = b.adoption!.overall.find((o) => o.waveId === wave.id);
      if (!cell || !cell.measured) return [];
      const named = titles.find((x) => x.id === b.id);
      const head = { behaviourId: b.id, title: named?.title ?? b.title, titleEn: named?.titleEn ?? '' };
      return [{ ...head, ...(cell.hidden ? { hidden: true as const } : { hidden: false as const, x: cell.x, n: cell.n, p: cell.p }) }];
    });
  return { wave: { name: wave.name, phase: wave.phase, closesOn: wave.closesOn }, behaviours: rows };
}
