// Action plans: a project's actions per unit and behaviour (/api/projects/:projectId/actions), one action by id
// (/api/actions/:id), every action the caller may see across projects (/api/actions), and the action type the
// report suggests (/api/projects/:projectId/action-suggestions). Writes are the unit's leader's (assertUnitLeader:
// admin, the project's editor, a manager scoped to the unit); a manager scoped to the whole project only reads.
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { actionOwner } from '../../auth/owners';
import { authenticate } from '../../auth/middleware';
import { assertUnitLeader } from '../../auth/projectAccess';
import { actionBody, actionListQuery, actionPatchBody } from '../../contract/actions';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { summary } from '../../http/openapi';
import { idParams, positiveId, validate } from '../../http/validate';
import { accessFor } from '../../services/access';
import { actionPlanContext, createAction, deleteAction, getActionRow, listAllActions, listProjectActions, updateAction } from '../../services/actions';
import { getActionSuggestions } from '../../services/actionSuggestions';
import { DomainError, notFound } from '../../services/errors';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

/** Before the body is read: a manager scoped to the whole project leads no unit in it (403). Which unit the body
 *  names is checked with assertUnitLeader once it is valid. */
const leadsSomeUnit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = await authenticate(c);
  if (user.role === 'manager' && (await accessFor(c.var.db, user)).unitIds === null) {
    throw new ApiError(403, 'forbidden', 'Only the unit\'s own leader, the project\'s editors and the secretariat may change this');
  }
  await next();
};

/** The action's own unit must be the caller's to lead; one outside their units is 404, as if it did not exist. */
const leadsActionUnit: MiddlewareHandler<AppEnv> = async (c: Context<AppEnv>, next) => {
  const parsed = positiveId.safeParse(c.req.param('id'));
  if (parsed.success) {
    const action = await getActionRow(c.var.db, parsed.data);
    try {
      await assertUnitLeader(c, action.projectId, action.unitId);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') throw notFound('Action');
      throw e;
    }
  }
  await next();
};

export const actionRoutes = new Hono<AppEnv>()
  .get('/actions', access('user'), summary('Every action the caller may see across the projects they read (a unit-scoped manager: their own units\'), each flagged overdue when its due day has passed in Copenhagen and it is not done or dropped'), async (c) =>
    c.json(await listAllActions(c.var.db, await accessFor(c.var.db, c.var.user), c.var.clock)),
  )
  .get('/projects/:projectId/actions', access('projectReader'), summary('The project\'s actions per unit and behaviour (?unitId=&behaviourId= narrow it); a unit-scoped manager sees their own units\' only. Also the units the caller may add actions for, and the behaviours'), projectId, validate('query', actionListQuery), async (c) => {
    const pid = c.req.valid('param').projectId;
    const viewer = await accessFor(c.var.db, c.var.user);
    return c.json({ actions: await listProjectActions(c.var.db, pid, viewer, c.req.valid('query'), c.var.clock), ...(await actionPlanContext(c.var.db, pid, c.var.user, viewer)) });
  })
  .post('/projects/:projectId/actions', access('projectReader'), leadsSomeUnit, summary('Records an action for a unit and behaviour (type: capability, opportunity, motivation, other); the unit\'s leader only; no due date in a closed project'), projectId, validate('json', actionBody), async (c) => {
    const pid = c.req.valid('param').projectId;
    const input = c.req.valid('json');
    await assertUnitLeader(c, pid, input.unitId);
    return c.json({ action: await createAction(c.var.db, pid, input, c.var.user.id, c.var.clock) }, 201);
  })
  .patch('/actions/:id', access('projectReader', actionOwner), leadsActionUnit, summary('Edits an action (title, type, owner, due date, status, note) from the version it started from; the unit\'s leader only'), id, validate('json', actionPatchBody), async (c) =>
    c.json({ action: await updateAction(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.clock) }),
  )
  .delete('/actions/:id', access('projectReader', actionOwner), leadsActionUnit, summary('Deletes an action; the unit\'s leader only'), id, async (c) => {
    await deleteAction(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  })
  .get('/projects/:projectId/action-suggestions', access('projectReader'), summary('The action type the barrier profile suggests per behaviour, for the project and each unit the caller sees, with a one-line reason; only from numbers the report shows'), projectId, async (c) => {
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    return c.json({ suggestions: await getActionSuggestions(c.var.db, c.req.valid('param').projectId, c.var.disclosure, unitIds, c.var.clock) });
  });
