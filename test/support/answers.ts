// Builds SurveyJS data for a generated survey from its item map, as a respondent would submit it.
import type { ItemMap, ItemMapEntry } from '../../surveys/types';

export function answersFor(itemMap: ItemMap, pick: (item: ItemMapEntry) => unknown = () => 4) {
  const data: Record<string, any> = {};
  for (const item of itemMap.items) {
    const value = item.type === 'scale' ? pick(item) : item.type === 'text' ? undefined : undefined;
    if (value === undefined) continue;
    if (item.row) (data[item.question] ??= {})[item.row] = value;
    else data[item.question] = value;
  }
  return data;
}
