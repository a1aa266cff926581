// Workshops and the units' agreed descriptions of a behaviour (issue 12). The leader's side: start a workshop, show
// it on the projector (QR code, the room's suggestions), hide a suggestion, close it, record the unit's agreed
// description; and every unit's wording side by side for anyone who reads the project. The phones' side (public,
// by the workshop's code) is in ./phone.ts.
//
// Reads are for anyone who may read the project (access('projectReader')); writes are the unit's leader's
// (assertUnitLeader: admin, the project's editor, a manager scoped to the unit; a project-only manager 403).
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { assertUnitLeader } from '../../auth/projectAccess';
import { authenticate } from '../../auth/middleware';
import type { ProjectOwner } from '../../auth/projectAccess';
import { unitDescriptionBody, workshopStartBody } from '../../contract/workshops';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, positiveId, validate } from '../../http/validate';
import { accessFor } from '../../services/access';
import { notFound } from '../../services/errors';
import { projectDescriptions, setUnitDescription } from '../../services/unitDescriptions';
import { closeWorkshop, hideSuggestion, startWorkshop, unitWorkshops, workshopPlace, workshopQrSvg, workshopView } from '../../services/workshops';
import { workshopPhoneRoutes } from './phone';

/** Where a workshop's project is found, for access('projectReader', workshopOwner) on /workshops/:id. */
export const workshopOwner: ProjectOwner = { param: 'id', what: 'Workshop', projectOf: async (db, id) => (await workshopPlace(db, id)).projectId };

const projectAndUnit = validate('param', idParams('projectId', 'unitId'));
const workshopId = validate('param', idParams('id'));
const workshopAndSuggestion = validate('param', idParams('id', 'suggestionId'));
const descriptionParams = validate('param', idParams('projectId', 'unitId', 'behaviourId'));

const paramId = (c: Context<AppEnv>, name: string) => {
  const parsed = positiveId.safeParse(c.req.param(name));
  return parsed.success ? parsed.data : undefined;
};

/** The unit's leader of :projectId/:unitId, before the route's validation (403/404 come before 400). */
const leadsUnitParam = createMiddleware<AppEnv>(async (c, next) => {
  const projectId = paramId(c, 'projectId');
  const unitId = paramId(c, 'unitId');
  if (projectId !== undefined && unitId !== undefined) await assertUnitLeader(c, projectId, unitId);
  await next();
});

/** The leader of the workshop's unit (its project is already readable: access('projectReader', workshopOwner)). */
const leadsWorkshopUnit = createMiddleware<AppEnv>(async (c, next) => {
  const id = paramId(c, 'id');
  if (id !== undefined) {
    const { projectId, unitId } = await workshopPlace(c.var.db, id);
    await assertUnitLeader(c, projectId, unitId);
  }
  await next();
});

/** A manager scoped to units reads only their own units' workshops (staff's free text, like survey comments, is
 *  never shown across units): another unit's is 404, as if it did not exist. */
async function assertSeesUnit(c: Context<AppEnv>, unitId: number, what: string): Promise<void> {
  const { unitIds } = await accessFor(c.var.db, await authenticate(c));
  if (unitIds !== null && !unitIds.has(unitId)) throw notFound(what);
}

const seesUnitParam = createMiddleware<AppEnv>(async (c, next) => {
  const unitId = paramId(c, 'unitId');
  if (unitId !== undefined) await assertSeesUnit(c, unitId, 'Unit');
  await next();
});

const seesWorkshopUnit = createMiddleware<AppEnv>(async (c, next) => {
  const id = paramId(c, 'id');
  if (id !== undefined) await assertSeesUnit(c, (await workshopPlace(c.var.db, id)).unitId, 'Workshop');
  await next();
});

/** Whether the caller may run the workshop (the projector page shows the leader's buttons only then). */
async function leads(c: Context<AppEnv>, projectId: number, unitId: number): Promise<boolean> {
  try {
    await assertUnitLeader(c, projectId, unitId);
    return true;
  } catch {
    return false;
  }
}

const threshold = (c: Context<AppEnv>) => c.var.disclosure.rules.freeTextThreshold;

export const workshopRoutes = new Hono<AppEnv>()
  .route('/', workshopPhoneRoutes)
  .post('/projects/:projectId/units/:unitId/workshops', access('projectReader'), leadsUnitParam, summary('Starts a workshop on one behaviour in one unit (the unit\'s leader only); staff join by its code; 409 workshop_open when one is open already'), projectAndUnit, validate('json', workshopStartBody), async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    const user = await authenticate(c);
    const { id } = await startWorkshop(c.var.db, projectId, unitId, c.req.valid('json').behaviourId, user.id);
    return c.json(await workshopView(c.var.db, id, threshold(c), c.var.config.publicUrl), 201);
  })
  .get('/projects/:projectId/units/:unitId/workshops', access('projectReader'), seesUnitParam, summary('The unit\'s workshops in the project, newest first, with how many suggestions were written'), projectAndUnit, async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    return c.json({ workshops: await unitWorkshops(c.var.db, projectId, unitId, c.var.config.publicUrl), canLead: await leads(c, projectId, unitId) });
  })
  .get('/workshops/:id', access('projectReader', workshopOwner), seesWorkshopUnit, summary('The projector view of a workshop: the behaviour, the join address, the suggestions (only once at least the free-text threshold have been written; hidden ones never), the unit\'s current agreed description'), workshopId, async (c) => {
    const view = await workshopView(c.var.db, c.req.valid('param').id, threshold(c), c.var.config.publicUrl);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...view, canLead: await leads(c, view.workshop.projectId, view.workshop.unitId) });
  })
  .get('/workshops/:id/qr.svg', access('projectReader', workshopOwner), seesWorkshopUnit, summary('The workshop\'s join address as an SVG QR code, for the projector'), workshopId, async (c) => {
    const svg = await workshopQrSvg(c.var.db, c.req.valid('param').id, c.var.config.publicUrl);
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=300' });
  })
  .post('/workshops/:id/suggestions/:suggestionId/hide', access('projectReader', workshopOwner), leadsWorkshopUnit, summary('Hides a suggestion from the room for good (it names a colleague or a citizen); the unit\'s leader only'), workshopAndSuggestion, async (c) => {
    const { id, suggestionId } = c.req.valid('param');
    await hideSuggestion(c.var.db, id, suggestionId, c.var.clock);
    return c.json({ ok: true });
  })
  .post('/workshops/:id/close', access('projectReader', workshopOwner), leadsWorkshopUnit, summary('Closes a workshop: the phones can still read it but no longer write or vote; the unit\'s leader only'), workshopId, async (c) => {
    await closeWorkshop(c.var.db, c.req.valid('param').id, c.var.clock);
    return c.json({ ok: true });
  })
  .put('/projects/:projectId/units/:unitId/behaviours/:behaviourId/description', access('projectReader'), leadsUnitParam, summary('Records the unit\'s agreed description of a behaviour (first without a version, then from the version read; 409 stale_version); naming the workshop closes it; the unit\'s leader only'), descriptionParams, validate('json', unitDescriptionBody), async (c) => {
    const { projectId, unitId, behaviourId } = c.req.valid('param');
    const user = await authenticate(c);
    return c.json({ description: await setUnitDescription(c.var.db, projectId, unitId, behaviourId, c.req.valid('json'), user.id, c.var.clock) });
  })
  .get('/projects/:projectId/descriptions', access('projectReader'), summary('Every unit\'s agreed description of each behaviour, side by side, so a behaviour described very differently across units is visible'), validate('param', idParams('projectId')), async (c) =>
    c.json(await projectDescriptions(c.var.db, c.req.valid('param').projectId)),
  );
