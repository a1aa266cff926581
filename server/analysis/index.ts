/**
 * Statistics for before/after adoption (see STATISTICS.md): pure functions without I/O.
 * Proportions in 0..1, 95% level, z = Z95 = 1.959963984540054.
 */
export {
  Z95,
  normalPdf,
  normalCdf,
  normalSf,
  normalQuantile,
  twoSidedNormalP,
  lnGamma,
  regularizedIncompleteBeta,
  tPdf,
  tCdf,
  tSf,
  tQuantile,
  tQuantile975,
} from './math';
export { wilson, newcombe, newcombeFromWilson, halfWidth, isValidCount, twoProportionP } from './proportions';
export type { Count, ProportionInterval, DifferenceInterval } from './proportions';
export { mannWhitney, cliffsDelta, cliffMagnitude } from './ordinal';
export type { MannWhitneyResult, CliffsDeltaResult, CliffMagnitude } from './ordinal';
export { mcnemar, newcombePaired, wilcoxonSignedRank } from './paired';
export type { McNemarResult, WilcoxonResult } from './paired';
export { did2x2, staggeredDid, combineWeighted } from './did';
export type {
  DidResult,
  WeightedEstimate,
  StaggeredCohort,
  StaggeredDidInput,
  StaggeredDidCell,
  StaggeredDidResult,
  StaggeredSkipReason,
  CombinedDid,
} from './did';
export { benjaminiHochberg, DEFAULT_FDR } from './multiplicity';
export type { BenjaminiHochbergResult } from './multiplicity';
export { hiddenSumPins, suppress, suppressTree, suppressTwoWay, suppressWithCaps, DEFAULT_THRESHOLD, FREE_TEXT_THRESHOLD } from './anonymity';
export type { CappedGroup, Group, SuppressResult, UnitNode, SuppressTreeResult, TwoWayCell, TwoWayOptions, TwoWayResult } from './anonymity';
export { responseRates, formatRate } from './responseRate';
export type { ResponseRateInput, ResponseRates } from './responseRate';
export {
  managerLabel,
  labelFromCounts,
  estimateLabel,
  changeLabel,
  comparisonLabel,
  COMPARISON_LABEL_TEXT,
  formatLabel,
  formatPoints,
  LABEL_TEXT,
  DEFAULT_MID_POINTS,
  INDICATIVE_HALF_WIDTH,
} from './labels';
export type { ComparisonLabelCode, LabelCode, Lang, ManagerLabel, ManagerLabelInput } from './labels';
