// How the stale-edit dialog (client/admin/useVersionedSave.ts) names a workspace form's fields and shows their
// values: the form's own labels, and names instead of ids for links, units and enum values.
import type { ProjectDetail } from '../api';
import type { useBilingualT } from '../../i18n/bilingual';
import { translateVersions } from '../../i18n/versions';
import type { useWorkspaceT, WorkspaceKey } from '../../i18n/workspace';
import type { TreeUnit } from './api';

type WT = ReturnType<typeof useWorkspaceT>;
type BT = ReturnType<typeof useBilingualT>;
type Display = Partial<Record<string, (value: unknown) => string>>;

/** Ids → their names, in the list's order; an id no longer there is shown as "#id". */
export const namesOf =
  (items: readonly { id: number; name: string }[]) =>
  (value: unknown): string => {
    const ids = Array.isArray(value) ? (value as number[]) : value == null ? [] : [value as number];
    const byId = new Map(items.map((i) => [i.id, i.name]));
    return ids.map((id) => byId.get(id) ?? `#${id}`).join(', ');
  };

const titled = (items: readonly { id: number; title: string }[]) => namesOf(items.map((i) => ({ id: i.id, name: i.title })));

export function benefitStaleFields(
  t: WT,
  tb: BT,
  project: ProjectDetail,
  units: readonly TreeUnit[],
  /** The owner's account, when the form has that field: its label and the accounts to name. */
  ownerUser?: { label: string; owners: readonly { id: number; name: string }[] },
): { labels: Record<string, string>; display: Display } {
  return {
    labels: {
      title: t('benefitTitle'),
      titleEn: tb('benefitTitleEn'),
      direction: t('direction'),
      type: t('benefitType'),
      owner: t('owner'),
      ...(ownerUser ? { ownerUserId: ownerUser.label } : {}),
      ownerUnitId: t('ownerUnit'),
      measure: t('measure'),
      measureUnit: t('measureUnit'),
      dataSource: t('dataSource'),
      baselineValue: t('baselineValue'),
      baselineDate: t('baselineDate'),
      targetValue: t('targetValue'),
      targetDate: t('targetDate'),
      goalIds: t('goalLinks'),
      behaviourIds: t('behaviourLinks'),
    },
    display: {
      direction: (v) => t(`direction_${String(v)}` as WorkspaceKey),
      type: (v) => t(`type_${String(v)}` as WorkspaceKey),
      ownerUnitId: namesOf(units),
      ownerUserId: namesOf(ownerUser?.owners ?? []),
      goalIds: titled(project.goals),
      behaviourIds: titled(project.behaviours),
    },
  };
}

export function behaviourStaleFields(t: WT, tb: BT, project: ProjectDetail): { labels: Record<string, string>; display: Display } {
  return {
    labels: {
      title: t('behaviourTitle'),
      titleEn: tb('titleEn'),
      description: t('behaviourDescription'),
      descriptionEn: tb('descriptionEn'),
      targetGroup: t('targetGroup'),
      situation: t('situation'),
      situationEn: tb('situationEn'),
      expectedFrequency: t('expectedFrequency'),
      oldBehaviour: t('oldBehaviour'),
      oldBehaviourEn: tb('oldBehaviourEn'),
      questionText: tb('questionText'),
      questionTextEn: tb('questionTextEn'),
      isPrimary: t('isPrimary'),
      benefitIds: t('linkedBenefits'),
      enablerIds: t('linkedEnablers'),
      unitIds: t('linkedUnits'),
      usageMeasure: t('usageMeasure'),
    },
    display: {
      isPrimary: (v) => translateVersions(t.locale, v ? 'valueYes' : 'valueNo'),
      benefitIds: titled(project.benefits),
      enablerIds: titled(project.enablers),
      unitIds: namesOf(project.rollouts.map((r) => ({ id: r.unitId, name: r.unitName }))),
    },
  };
}

export function unitStaleFields(t: WT, tb: BT, units: readonly TreeUnit[]): { labels: Record<string, string>; display: Display } {
  return {
    labels: {
      name: t('unitName'),
      nameEn: tb('unitNameEn'),
      kind: t('unitKind'),
      parentId: t('unitParent'),
      headcount: t('unitHeadcount'),
      headcountDate: t('headcountDate'),
      externalId: t('externalId'),
    },
    display: {
      kind: (v) => t(`kind_${String(v)}` as WorkspaceKey),
      parentId: (v) => (v == null ? t('topLevel') : namesOf(units)(v)),
      headcount: (v) => (typeof v === 'number' ? String(v) : ''),
    },
  };
}
