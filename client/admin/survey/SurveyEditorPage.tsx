// /projects/:id/survey — the secretariat's survey editor: per behaviour which questions are asked (in plain
// words), rewording in Danish and English, own questions with favourable answers, background questions,
// required mode and layout; the estimated answer time after each save; a preview exactly as staff get it;
// and the locked versions with the waves that use them. Its own lazy chunk (it carries zod and the generator).
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Localized } from '../../../surveys/types';
import { ApiError, type FieldProblem } from '../../api';
import { projectApi, waveApi, type SurveyVersionDetail, type SurveyVersionSummary } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusMessage } from '../../components/Field';
import { useT } from '../../i18n/common';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { Link } from '../../router';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { useVersionedSave } from '../useVersionedSave';
import { useVersionsT } from '../../i18n/versions';
import { BehavioursEditor } from './BehavioursEditor';
import { CustomItemsEditor } from './CustomItemsEditor';
import { MissingEnglishNote, missingEnglishOf } from './MissingEnglish';
import { PreviewPanel } from './PreviewPanel';
import { BackgroundEditor, FinalQuestionEditor, SettingsEditor } from './SettingsEditor';
import {
  anchorOf,
  defaultWording,
  errorKey,
  fieldId,
  initialSpec,
  localProblems,
  specFingerprint,
  specForSaving,
  warningText,
  withoutSpecPrefix,
  type EditorContext,
  type SurveySpec,
} from './specState';
import { EstimateSummary, OpenWavesNote, VersionsTable, phaseKey, useDuration } from './summary';
import './surveyEditor.css';

export default function SurveyEditorPage({ projectId }: { projectId: number }) {
  const t = useSurveyEditorT();
  const tc = useT();
  const { isAdmin } = useSession();
  const duration = useDuration();
  const project = useLoad(() => projectApi.get(projectId), [projectId]);
  const stored = useLoad(() => projectApi.surveySpec(projectId), [projectId]);
  const previews = useLoad(
    () => Promise.all([projectApi.previewSurvey(projectId, 'baseline'), projectApi.previewSurvey(projectId, 'followup')]).then(([baseline, followup]) => ({ baseline, followup })),
    [projectId],
  );
  const waves = useLoad(() => waveApi.list(projectId), [projectId]);
  const versions = useLoad(() => projectApi.surveyVersions(projectId), [projectId]);

  const [spec, setSpec] = useState<SurveySpec | null>(null);
  const [savedPrint, setSavedPrint] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState<SurveyVersionDetail | null>(null);
  /** The surveySpecVersion this editor started from, and the spec as it was then (for "keep my changes"). */
  const [specVersion, setSpecVersion] = useState(0);
  const [baseBody, setBaseBody] = useState<Record<string, unknown>>({});
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatSurvey'));
  const summaryRef = useRef<HTMLDivElement>(null);
  const p = project.data;

  // The editor starts once the project and its stored spec are here.
  useEffect(() => {
    if (!p || stored.loading || stored.error || spec) return;
    const s = initialSpec(p, stored.data?.spec ?? null);
    setSpec(s);
    setSavedPrint(specFingerprint(s));
    setBaseBody(specForSaving(s));
    setSpecVersion(stored.data?.surveySpecVersion ?? 1);
  }, [p, stored.loading, stored.error, stored.data, spec]);

  useEffect(() => {
    if (p) document.title = `${t('pageHeading', { project: p.name })} – Gevinstspor`;
  }, [p, t]);

  const dirty = !!spec && specFingerprint(spec) !== savedPrint;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const defaults = useMemo(() => (p ? defaultWording(p) : new Map<string, Localized>()), [p]);

  const titleOf = (id: number) => p?.behaviours.find((b) => b.id === id)?.title ?? `#${id}`;
  const itemName = (key: string): string => {
    if (key === 'free_text') return t('finalItem');
    const m = /^b(\d+)\.(.+)$/.exec(key);
    if (!m) return key;
    const rest = m[2];
    const benefit = (id: string) => p?.benefits.find((g) => g.id === Number(id))?.title ?? `#${id}`;
    const benefitItem = /^benefit\.(\d+)$/.exec(rest);
    const drawbackItem = /^drawback\.(\d+)$/.exec(rest);
    const name =
      benefitItem ? t('itemBenefit', { benefit: benefit(benefitItem[1]) })
      : drawbackItem ? t('itemDrawback', { benefit: benefit(drawbackItem[1]) })
      : rest === 'drawback' ? t('itemDrawbackGeneral')
      : t(`construct_${rest}` as Parameters<typeof t>[0]);
    return `${titleOf(Number(m[1]))}: ${name}`;
  };
  const anchorLabel = (anchor: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^overrides\.(.+)\.(da|en)$/.exec(anchor))) return t('rewordField', { item: itemName(m[1]), lang: t(m[2] === 'da' ? 'langDa' : 'langEn') });
    if ((m = /^customItems\.(\d+)(?:\.(.+))?$/.exec(anchor))) {
      const i = Number(m[1]);
      const head = t('customHeading', { n: i + 1 });
      const rest = m[2];
      if (!rest) return head;
      const c = /^choices\.(\d+)\.text\.(da|en)$/.exec(rest);
      const item = spec?.customItems[i];
      const value = c && item && (item.kind === 'single' || item.kind === 'multi') ? (item.choices[Number(c[1])]?.value ?? Number(c[1]) + 1) : 0;
      const sub =
        rest === 'text.da' ? t('questionDa')
        : rest === 'text.en' ? t('questionEn')
        : rest === 'choices' ? t('choicesLegend')
        : rest === 'favourable' ? t('favourableLegend')
        : rest === 'id' ? t('customId')
        : rest === 'maxSelected' ? t('maxSelected')
        : c ? t(c[2] === 'da' ? 'choiceDa' : 'choiceEn', { value })
        : rest;
      return `${head}: ${sub}`;
    }
    if ((m = /^behaviours\.(\d+)$/.exec(anchor))) return spec ? titleOf(spec.behaviours[Number(m[1])]?.behaviourId ?? 0) : anchor;
    if (anchor === 'background') return t('backgroundTitle');
    return t('pageTitle');
  };

  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const pr of problems) {
      const a = anchorOf(pr.path);
      const text = t(errorKey(pr));
      out[a] = out[a] && !out[a].includes(text) ? `${out[a]} ${text}` : (out[a] ?? text);
    }
    return out;
  }, [problems, t]);

  const showProblems = (list: FieldProblem[]) => {
    // In the order the fields appear on the page (zod reports them in schema order).
    const at = (pr: FieldProblem) => document.getElementById(fieldId(anchorOf(pr.path)));
    const sorted = [...list].sort((a, b) => {
      const ea = at(a);
      const eb = at(b);
      if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
      if (ea === eb) return 0;
      return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    setProblems(sorted);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!spec || busy) return;
    setError(null);
    setMessage(null);
    const body = specForSaving(spec);
    const local = localProblems(body);
    if (local.length) return showProblems(local);
    setBusy(true);
    try {
      await versioned.save({
        base: baseBody,
        mine: body,
        version: specVersion,
        send: ({ version: v, ...fields }) => projectApi.saveSurveySpec(projectId, fields, v),
        currentFields: (current) => (current.spec as Record<string, unknown> | null) ?? {},
        onSaved: (res, sent) => {
          setProblems([]);
          const savedSpec = initialSpec(p!, sent as never);
          setSpec(savedSpec);
          setSavedPrint(specFingerprint(savedSpec));
          setBaseBody(specForSaving(savedSpec));
          setSpecVersion(res.surveySpecVersion);
          setVersion(null);
          void previews.reload();
          setMessage(t('saved', { time: duration(res.estimatedSeconds) }));
        },
        onReload: (current) => {
          const s = initialSpec(p!, (current.spec as never) ?? null);
          setSpec(s);
          setSavedPrint(specFingerprint(s));
          setBaseBody(specForSaving(s));
          setSpecVersion(current.surveySpecVersion as number);
          void previews.reload();
        },
      });
    } catch (err) {
      if (err instanceof ApiError && err.fieldProblems.length) showProblems(err.fieldProblems.map(withoutSpecPrefix));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!p || busy || !window.confirm(t('confirmRestore'))) return;
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      const res = await projectApi.saveSurveySpec(projectId, null, specVersion);
      setSpecVersion(res.surveySpecVersion);
      const s = initialSpec(p, null);
      setSpec(s);
      setSavedPrint(specFingerprint(s));
      setProblems([]);
      setVersion(null);
      await previews.reload();
      setMessage(t('restored'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const showVersion = async (v: SurveyVersionSummary) => {
    setError(null);
    try {
      setVersion(await projectApi.surveyVersion(projectId, v.id));
    } catch (err) {
      setError(err);
    }
  };

  if (!p) {
    return project.loading ? (
      <p role="status" className="page-loading">
        {tc('loading')}
      </p>
    ) : (
      <>
        <h1>{tc('pageNotFound')}</h1>
        <ErrorMessage error={project.error} />
      </>
    );
  }

  const ctx: EditorContext | null = spec
    ? { project: p, spec, update: (change) => setSpec((s) => (s ? change(s) : s)), errors, announce: setMessage, defaults }
    : null;

  const missingEnglish = missingEnglishOf(previews.data);

  // The generator's notes, in words: follow-up (which has every question), plus baseline-only ones.
  const warnings = [
    ...(previews.data?.followup.warnings ?? []).map((w) => ({ w, phase: 'followup' as const })),
    ...(previews.data?.baseline.warnings ?? []).filter((w) => !/^Rewording for/.test(w)).map((w) => ({ w, phase: 'baseline' as const })),
  ]
    .map(({ w, phase }) => {
      const text = warningText(w, titleOf, itemName, (ph) => t(phaseKey(ph)).toLocaleLowerCase(), phase);
      return 'raw' in text ? text.raw : t(text.key, text.vars);
    })
    .filter((w, i, all) => all.indexOf(w) === i);

  return (
    <div className="survey-editor">
      <nav className="breadcrumbs" aria-label={t('breadcrumb')}>
        <ol>
          <li>
            <Link to="/projects">{t('projects')}</Link>
          </li>
          <li>
            <Link to={`/projects/${p.id}`}>{p.name}</Link>
          </li>
          <li aria-current="page">{t('pageTitle')}</li>
        </ol>
      </nav>
      <h1>{t('pageHeading', { project: p.name })}</h1>
      <p>{t('intro')}</p>
      <p className="jump-links">
        <a href="#preview">{t('jumpToPreview')}</a> · <a href="#versions">{t('jumpToVersions')}</a>
      </p>

      <ErrorMessage error={previews.error} />
      <EstimateSummary previews={previews.data} id="se-estimate" />
      {previews.data && <MissingEnglishNote missing={missingEnglish} project={p} itemName={itemName} id="se-missing-english" />}
      <p className="notice">{t('frozenNote')}</p>
      <OpenWavesNote waves={waves.data} versions={versions.data} />
      {warnings.length > 0 && (
        <div className="notice notice-warn" role="note" aria-labelledby="se-warnings">
          <h2 id="se-warnings" className="notice-title">
            {t('warningsTitle')}
          </h2>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      {!isAdmin && <p className="notice">{t('readOnlyNote')}</p>}
      <ErrorMessage error={stored.error} />

      {isAdmin && !ctx && !stored.error && (
        <p role="status" className="page-loading">
          {t('loading')}
        </p>
      )}

      {isAdmin && ctx && (
        <form onSubmit={save} noValidate aria-label={t('pageTitle')} id={fieldId('form')} tabIndex={-1}>
          {problems.length > 0 && (
            <div className="notice notice-error error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="se-errors-title">
              <h2 id="se-errors-title" className="notice-title">
                {t('errorSummaryTitle')}
              </h2>
              <p>{t('errorSummaryText')}</p>
              <ul>
                {problems.map((pr, i) => {
                  const a = anchorOf(pr.path);
                  return (
                    <li key={`${pr.path}-${i}`}>
                      <a
                        href={`#${fieldId(a)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          const el = document.getElementById(fieldId(a));
                          el?.focus();
                          el?.scrollIntoView({ block: 'center' });
                        }}
                      >
                        {anchorLabel(a)}: {t(errorKey(pr))}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <BehavioursEditor {...ctx} />
          <FinalQuestionEditor {...ctx} />
          <CustomItemsEditor {...ctx} />
          <BackgroundEditor {...ctx} />
          <SettingsEditor {...ctx} />
          <div className="save-bar">
            <div className="form-actions">
              <button type="submit" disabled={busy} aria-describedby="se-save-note">
                {busy ? t('saving') : t('save')}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => void restore()}>
                {t('restoreDefault')}
              </button>
            </div>
            <p id="se-save-note" className="small-print unsaved-note">
              {dirty ? t('unsaved') : ''}
            </p>
            <ErrorMessage error={error} />
            {versioned.dialog}
            <StatusMessage message={message} />
          </div>
        </form>
      )}
      {!isAdmin && <ErrorMessage error={error} />}

      <PreviewPanel
        previews={previews.data}
        version={version}
        onCurrent={() => setVersion(null)}
        dirty={isAdmin && dirty}
        loading={previews.loading}
        missingEnglish={missingEnglish.length > 0 ? <MissingEnglishNote missing={missingEnglish} project={p} itemName={itemName} headingLevel={3} id="preview-missing-english" /> : null}
      />

      <section className="section" aria-labelledby="versions-title" id="versions">
        <h2 id="versions-title">{t('versionsTitle')}</h2>
        <p className="muted">{t('versionsIntro')}</p>
        <ErrorMessage error={versions.error ?? waves.error} />
        {versions.data && <VersionsTable versions={versions.data} waves={waves.data} onShow={(v) => void showVersion(v)} />}
      </section>
    </div>
  );
}
