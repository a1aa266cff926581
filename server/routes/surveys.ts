// Survey preview, the secretariat's survey spec, and the stored versions.
import { Hono } from 'hono';
import { z } from 'zod';
import { surveySpecSchema } from '../../surveys';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { ensureSurveyVersion, getSurveyVersion, listSurveyVersions, previewSurvey, saveSurveySpec } from '../services/surveys';
import { getProjectRow } from '../services/projects';
import { notFound } from '../http/errors';
import { phase } from './schemas';

export const surveyRoutes = new Hono<AppEnv>()
  .get('/:projectId/survey/preview', validate('param', idParams('projectId')), validate('query', z.object({ phase: phase.default('baseline') })), (c) =>
    c.json(previewSurvey(c.var.db, c.req.valid('param').projectId, c.req.valid('query').phase)),
  )
  .get('/:projectId/survey/spec', validate('param', idParams('projectId')), (c) => c.json({ spec: getProjectRow(c.var.db, c.req.valid('param').projectId).surveySpec ?? null }))
  .put('/:projectId/survey/spec', requireAdmin, validate('param', idParams('projectId')), validate('json', z.object({ spec: surveySpecSchema.nullable() })), (c) => {
    const followup = saveSurveySpec(c.var.db, c.req.valid('param').projectId, c.req.valid('json').spec);
    return c.json({ ok: true, warnings: followup.warnings, estimatedSeconds: followup.estimatedSeconds });
  })
  .get('/:projectId/survey-versions', validate('param', idParams('projectId')), (c) => {
    const { projectId } = c.req.valid('param');
    getProjectRow(c.var.db, projectId);
    return c.json({ versions: listSurveyVersions(c.var.db, projectId) });
  })
  .post('/:projectId/survey-versions', requireAdmin, validate('param', idParams('projectId')), validate('json', z.object({ phase })), (c) => {
    const { projectId } = c.req.valid('param');
    getProjectRow(c.var.db, projectId);
    const version = ensureSurveyVersion(c.var.db, projectId, c.req.valid('json').phase);
    return c.json({ version }, 201);
  })
  .get('/:projectId/survey-versions/:versionId', validate('param', idParams('projectId', 'versionId')), (c) => {
    const { projectId, versionId } = c.req.valid('param');
    const version = getSurveyVersion(c.var.db, versionId);
    if (version.projectId !== projectId) throw notFound('Survey version');
    return c.json({ version });
  });
