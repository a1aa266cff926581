// A wave's English name, shown in the English survey's heading: what it is now (or "Mangler engelsk", as the
// survey editor says too) and a small form to set it while the wave is not closed.
import type { WaveSummary } from '../api';
import { useBilingualT } from '../../i18n/bilingual';
import { WaveFieldEditor } from './WaveFieldEditor';

export function WaveNameEn({ wave, onSaved }: { wave: WaveSummary; onSaved: (msg: string) => Promise<void> }) {
  const tb = useBilingualT();
  return (
    <WaveFieldEditor
      wave={wave}
      field="nameEn"
      className="wave-name-en"
      lead={
        wave.nameEn.trim() ? (
          // Only the name is English: the label is read in the page's language.
          <span>
            {tb('englishNameLabel')} <span lang="en">{wave.nameEn}</span>
          </span>
        ) : (
          <span className="tag">{tb('missingTag')}</span>
        )
      }
      textOf={(w) => w.nameEn}
      valueOf={(text) => text.trim()}
      toggle={tb('editEnglishName')}
      submit={tb('saveEnglishName', { name: wave.name })}
      input={{ label: tb('waveNameEn'), hint: tb('waveNameEnHint'), lang: 'en', maxLength: 300 }}
      onSaved={() => onSaved(tb('englishNameSaved', { name: wave.name }))}
    />
  );
}
