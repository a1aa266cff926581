// The answers of the few read routes that are a table's rows, as schemas derived from the tables themselves
// (drizzle-zod), so /api/openapi.json gives a BI developer the fields of the answer as well as of the request.
// Each matches what its service returns; a route whose answer is assembled from several tables keeps summary().
import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { enablers, goals, kpiMeasurements, projects, surveyVersions, units, waves } from '../../db/schema';

const count = (what: string) => z.number().int().min(0).describe(what);

/** GET /units: services/units.ts listUnits (rows in tree order with depth and path) and unitTree (the same, nested). */
const listedUnit = createSelectSchema(units).extend({
  depth: z.number().int().min(0).describe('0 for a top unit'),
  path: z.array(z.string()).describe('Names of the units above, top first'),
});
type UnitNode = z.infer<typeof listedUnit> & { children: UnitNode[] };
const unitNode: z.ZodType<UnitNode> = listedUnit
  .extend({
    get children() {
      return z.array(unitNode);
    },
  })
  .meta({ id: 'UnitNode' });
export const unitListAnswer = z.object({ units: z.array(listedUnit), tree: z.array(unitNode) });

/** GET /projects: services/projects.ts listProjects (every column but the survey spec, plus counts). */
export const projectListAnswer = z.object({
  projects: z.array(
    createSelectSchema(projects)
      .omit({ surveySpec: true, pairingSecret: true })
      .extend({
        benefitCount: count('Benefits, archived ones not counted'),
        behaviourCount: count('Behaviours, archived ones not counted'),
        unitCount: count('Units the project is rolled out to'),
      }),
  ),
});

/** GET /projects/:projectId/waves: services/waves.ts listWaves (the rows, status as of today, response totals). */
export const waveListAnswer = z.object({
  waves: z.array(
    createSelectSchema(waves).extend({
      status: z.enum(['draft', 'scheduled', 'open', 'closed']).describe('By the clock: scheduled before opensAt, closed from closesAt'),
      opensAtLocal: z.string().nullable().describe('opensAt in Europe/Copenhagen wall time, YYYY-MM-DDTHH:mm'),
      closesAtLocal: z.string().nullable().describe('closesAt in Europe/Copenhagen wall time, YYYY-MM-DDTHH:mm'),
      timeZone: z.literal('Europe/Copenhagen'),
      responses: z.number().int().min(0).nullable().describe('Responses so far; null where the total would reveal a small unit\'s count'),
    }),
  ),
});

export const goalListAnswer = z.object({ goals: z.array(createSelectSchema(goals)) });
export const enablerListAnswer = z.object({ enablers: z.array(createSelectSchema(enablers)) });
export const measurementListAnswer = z.object({ measurements: z.array(createSelectSchema(kpiMeasurements)) });
/** services/surveys.ts listSurveyVersions: the columns without the survey itself. */
export const surveyVersionListAnswer = z.object({ versions: z.array(createSelectSchema(surveyVersions).pick({ id: true, number: true, phase: true, createdAt: true })) });
