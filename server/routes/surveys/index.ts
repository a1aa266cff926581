// Survey preview, the secretariat's survey spec, and the stored versions.
import { Hono } from 'hono';
import { newVersionBody, previewQuery, specBody } from '../../contract/surveys';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { notFound } from '../../services/errors';
import { getProjectRow } from '../../services/projects';
import { editorPreview, ensureSurveyVersion, getSurveySpec, getSurveyVersion, listSurveyVersions, saveSurveySpec } from '../../services/surveys';
import { surveyVersionListAnswer } from '../../contract/answers';

const projectId = validate('param', idParams('projectId'));

export const surveyRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/survey/preview', access('projectReader'), summary('The survey for a phase as it would be generated now (SurveyJS JSON, item map, warnings, texts without English); stores nothing'), projectId, validate('query', previewQuery), async (c) =>
    c.json(await editorPreview(c.var.db, c.req.valid('param').projectId, c.req.valid('query').phase, c.var.config)),
  )
  .get('/projects/:projectId/survey/spec', access('projectReader'), summary('The secretariat\'s survey choices for the project (null when none are saved) and their surveySpecVersion, which a save sends back as version'), projectId, async (c) =>
    c.json(await getSurveySpec(c.var.db, c.req.valid('param').projectId)),
  )
  .put('/projects/:projectId/survey/spec', access('projectAdmin'), summary('Saves the survey choices from the surveySpecVersion the editor loaded (409 stale_version if another save came first); they apply to the next survey version, never to an opened wave'), projectId, validate('json', specBody), async (c) => {
    const { spec, version } = c.req.valid('json');
    const followup = await saveSurveySpec(c.var.db, c.req.valid('param').projectId, spec, version, c.var.config);
    return c.json({ ok: true, warnings: followup.warnings, estimatedSeconds: followup.estimatedSeconds, surveySpecVersion: followup.surveySpecVersion });
  })
  .get('/projects/:projectId/survey-versions', access('projectReader'), documented('The project\'s stored survey versions (id, number, phase, created), newest first', 'The versions, newest first', surveyVersionListAnswer), projectId, async (c) => {
    const { projectId } = c.req.valid('param');
    await getProjectRow(c.var.db, projectId);
    return c.json({ versions: await listSurveyVersions(c.var.db, projectId) });
  })
  .post('/projects/:projectId/survey-versions', access('projectAdmin'), summary('Stores a new survey version for the phase, or returns the latest if the survey is unchanged'), projectId, validate('json', newVersionBody), async (c) => {
    const { projectId } = c.req.valid('param');
    await getProjectRow(c.var.db, projectId);
    const version = await ensureSurveyVersion(c.var.db, projectId, c.req.valid('json').phase, c.var.config);
    return c.json({ version }, 201);
  })
  .get('/projects/:projectId/survey-versions/:versionId', access('projectReader'), summary('One stored survey version: its SurveyJS JSON and the item map of what each answer measures'), validate('param', idParams('projectId', 'versionId')), async (c) => {
    const { projectId, versionId } = c.req.valid('param');
    const version = await getSurveyVersion(c.var.db, versionId);
    if (version.projectId !== projectId) throw notFound('Survey version');
    return c.json({ version });
  });
