// The report the server sends (GET /api/projects/:id/report). Written out here so the dashboard states what
// it relies on; reportTypes.check.ts makes the compiler confirm the server's real type still fits.
// Everything here is computed and anonymised on the server; the client only displays it.
import type { Phase } from '../../surveys/types';

export type LabelCode = 'hidden' | 'indicative' | 'likely_improvement' | 'likely_decline' | 'no_meaningful_change' | 'too_early' | 'estimate';

export interface ManagerLabel {
  code: LabelCode;
  da: string;
  en: string;
  /** A ready sentence, if the server sends one (preferred over formatting the numbers here). */
  text?: string | { da: string; en: string };
  level?: { p: number; lo: number; hi: number };
  change?: { d: number; lo: number; hi: number };
  n?: number;
  nBaseline?: number;
}

export interface Estimate {
  n: number;
  x: number;
  dontKnow: number;
  p: number | null;
  lo: number | null;
  hi: number | null;
  hidden: boolean;
  label: ManagerLabel;
}

export type OverallCell = { waveId: number; measured: false } | ({ waveId: number; measured: true; comparable?: boolean; wordingChanged?: boolean } & Estimate);

export interface ItemReport {
  key: string;
  construct: string;
  scale?: string;
  text: { da: string; en: string };
  overall: OverallCell[];
  units: { unitId: number; unitName: string; cells: ({ waveId: number } & Estimate)[] }[];
}

export interface ChangeReport {
  fromWaveId?: number;
  toWaveId?: number;
  d: number;
  lo: number;
  hi: number;
  nBefore: number;
  nAfter: number;
  label: ManagerLabel;
}

export interface BehaviourReport {
  id: number;
  title: string;
  archived?: boolean;
  adoption: ItemReport | null;
  diagnostics: ItemReport[];
  change: ChangeReport | null;
  /** Why there is no change: 'different_units' when no two waves cover the same units. */
  changeNote: 'different_units' | null;
}

export interface ReportWave {
  id: number;
  name: string;
  phase: Phase;
  status: 'draft' | 'open' | 'closed';
  opensOn: string | null;
  closesOn: string | null;
  liveResults?: boolean;
  resultsShown: boolean;
  /** How many units have a link in this wave. */
  unitCount: number;
}

export interface RateNumbers {
  complete: number;
  partial: number;
  eligible: number;
  rr1: number | null;
  rr2: number | null;
  overHundred: boolean;
}

export type UnitRate = { unitId: number; unitName: string; hidden: true } | ({ unitId: number; unitName: string; hidden: false } & RateNumbers);

export interface Report {
  project: { id: number; name: string; mid: number };
  threshold: number;
  waves: ReportWave[];
  units: { id: number; name: string }[];
  behaviours: BehaviourReport[];
  /** The secretariat's own questions that have favourable answers. */
  customItems: ItemReport[];
  /** A wave's total is hidden where it alone would reveal a small unit's count. */
  responseRates: ({ waveId: number; units: UnitRate[] } & ({ hidden: true } | ({ hidden: false } & RateNumbers)))[];
}
