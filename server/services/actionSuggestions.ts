// The action type the report suggests per behaviour, for the whole project and for each unit the viewer sees:
// the weakest barrier component (server/analysis/actionSuggestion.ts) in the latest wave whose numbers are shown.
// It reads the viewer's own report (getProjectReport under the disclosure policy), so a hidden cell stays hidden:
// a unit whose cells are hidden gets the project's suggestion, labelled as the project's.
import type { Db } from '../../db/client';
import { COM_COMPONENTS, suggestActionType, type ActionSuggestion, type ComponentShare } from '../analysis/actionSuggestion';
import type { Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { getProjectReport } from './report';

type Report = Awaited<ReturnType<typeof getProjectReport>>;
type Diagnostic = Report['behaviours'][number]['diagnostics'][number];

export interface SuggestionAnswer extends ActionSuggestion {
  behaviourId: number;
  /** null: the project's suggestion (shown where a unit has none of its own). */
  unitId: number | null;
  waveId: number;
}

const componentsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d): d is Diagnostic & { construct: ComponentShare['component'] } => (COM_COMPONENTS as readonly string[]).includes(d.construct));

export function suggestionsFromReport(report: Report): SuggestionAnswer[] {
  const out: SuggestionAnswer[] = [];
  // Latest first: the newest numbers say best where the behaviour stands now.
  const waves = [...report.waves].filter((w) => w.resultsShown).reverse();
  for (const b of report.behaviours) {
    const items = componentsOf(b.diagnostics);
    if (!items.length) continue;
    for (const w of waves) {
      const shares = items.map((d): ComponentShare => {
        const c = d.overall.find((o) => o.waveId === w.id);
        return c && c.measured ? { component: d.construct, p: c.p, n: c.n, hidden: c.hidden } : { component: d.construct, p: null, n: 0, hidden: true };
      });
      const s = suggestActionType(shares, { scope: 'project', waveName: w.name });
      if (s) {
        out.push({ ...s, behaviourId: b.id, unitId: null, waveId: w.id });
        break;
      }
    }
    // One row per unit shown on its own (a reporting group's members are never told apart, so they get the project's).
    const unitIds = [...new Set(items.flatMap((d) => d.units.filter((u) => u.unitId !== null && !u.group).map((u) => u.unitId!)))];
    for (const unitId of unitIds) {
      for (const w of waves.filter((x) => x.unitResultsShown)) {
        const shares = items.map((d): ComponentShare => {
          const c = d.units.find((u) => u.unitId === unitId && !u.group)?.cells.find((x) => x.waveId === w.id);
          return c ? { component: d.construct, p: c.p, n: c.n, hidden: c.hidden } : { component: d.construct, p: null, n: 0, hidden: true };
        });
        const s = suggestActionType(shares, { scope: 'unit', waveName: w.name });
        if (s) {
          out.push({ ...s, behaviourId: b.id, unitId, waveId: w.id });
          break;
        }
      }
    }
  }
  return out;
}

export async function getActionSuggestions(db: Db, projectId: number, policy: DisclosurePolicy, unitIds: Set<number> | null, clock: Clock) {
  return suggestionsFromReport(await getProjectReport(db, projectId, policy, { unitIds }, clock));
}
