// Loads what the report pages show: the report (optionally for two chosen waves), the project (benefits,
// primary behaviours, rollouts — optional: the page works without it) and the display order derived from them.
import { useMemo } from 'react';
import { useLoad } from '../admin/useLoad';
import { reportApi } from './api';
import { goLiveOf, type GoLive } from './model';

/** ?from=&to= of the address, when both are wave ids. */
export function compareFromUrl(): { from: number; to: number } | null {
  const q = new URLSearchParams(window.location.search);
  const from = Number(q.get('from'));
  const to = Number(q.get('to'));
  return Number.isInteger(from) && from > 0 && Number.isInteger(to) && to > 0 ? { from, to } : null;
}

/** The report, the project (benefits, primary behaviours, rollouts; optional) and the derived display order. */
export function useReportData(projectId: number, compare: { from: number; to: number } | null) {
  const report = useLoad(() => reportApi.get(projectId, compare), [projectId, compare?.from, compare?.to]);
  const project = useLoad(() => reportApi.project(projectId), [projectId]);
  // System usage beside the report (optional: the page works without it).
  const usage = useLoad(() => reportApi.usage(projectId), [projectId]);
  const r = report.data;
  const detail = project.data;
  const primary = useMemo(() => new Set((detail?.behaviours ?? []).filter((b) => b.isPrimary).map((b) => b.id)), [detail]);
  // Primary behaviours first, otherwise the report's order (a stable sort keeps it).
  const behaviours = useMemo(() => (r ? [...r.behaviours].sort((a, b) => Number(primary.has(b.id)) - Number(primary.has(a.id))) : []), [r, primary]);
  // Units in the report only: a manager's view never names a unit outside it, whatever the project lists.
  const goLive = useMemo(() => new Map<string, GoLive | undefined>((r?.units ?? []).map((u) => [u.key, goLiveOf(u, detail?.rollouts)])), [r, detail]);
  return { report, project, usage, behaviours, primary, goLive };
}

