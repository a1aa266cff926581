// "Mangler engelsk": the texts staff see that have no English side, so the English survey shows the Danish text
// there. The generator lists them (surveys/generator.ts missingEnglish), the preview adds the unit and wave names
// of the answer page's heading (server/services/surveys.ts editorPreview); this only words them.
import type { SurveyPreview } from '../api';
import type { ProjectDetail } from '../api';
import { useBilingualT, type BilingualKey } from '../../i18n/bilingual';
import type { Previews } from './summary';

type Missing = SurveyPreview['missingEnglish'][number];

const missingId = (m: Missing) => JSON.stringify([m.field, m.behaviourId, m.benefitId, m.unitId, m.waveId, m.key]);

/** Both phases together (follow-up has every behaviour question; baseline may have its own custom items), once each. */
export function missingEnglishOf(previews: Previews | undefined): Missing[] {
  const all = [...(previews?.followup?.missingEnglish ?? []), ...(previews?.baseline?.missingEnglish ?? [])];
  const seen = new Set<string>();
  return all.filter((m) => {
    const id = missingId(m);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function MissingEnglishNote({
  missing,
  project,
  itemName,
  headingLevel = 2,
  id,
}: {
  missing: Missing[];
  project: ProjectDetail;
  itemName: (key: string) => string;
  headingLevel?: 2 | 3;
  id: string;
}) {
  const tb = useBilingualT();
  const H: 'h2' | 'h3' = `h${headingLevel}`;
  if (missing.length === 0) return <p className="notice small-print">{tb('missingNone')}</p>;
  const behaviour = (bid?: number) => project.behaviours.find((b) => b.id === bid)?.title ?? `#${bid}`;
  const benefit = (gid?: number) => project.benefits.find((g) => g.id === gid)?.title ?? `#${gid}`;
  return (
    <div className="notice notice-warn missing-english" role="note" aria-labelledby={id}>
      <H id={id} className="notice-title">
        {tb('missingTitle')}
      </H>
      <p>{tb('missingIntro')}</p>
      <ul>
        {missing.map((m) => (
          <li key={missingId(m)}>
            {tb(`missing_${m.field}` as BilingualKey, { behaviour: behaviour(m.behaviourId), benefit: benefit(m.benefitId), item: m.key ? itemName(m.key) : '', name: m.da })}
          </li>
        ))}
      </ul>
    </div>
  );
}
