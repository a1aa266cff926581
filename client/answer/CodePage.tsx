// /k and /k/<code>: staff without the QR code type the short code from the poster. /k/<code> (a link or a
// typed address) looks it up at once; found, it goes on to /s/<token> (replacing the history entry, so Back
// does not land on the lookup again).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { navigate } from '../router';
import { useAnswerT } from '../i18n/answering';
import { CODE_LENGTH, formatCode, lookupCode, normaliseCode, type LookupResult } from './code';

type Problem = 'empty' | 'length' | 'unknown' | 'revoked' | 'failed' | null;

export default function CodePage({ initialCode }: { initialCode?: string }) {
  const t = useAnswerT();
  const [value, setValue] = useState(initialCode ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  const open = async (typed: string) => {
    const code = normaliseCode(typed);
    if (!code) {
      // Too short or too long (a character missed or one too many) is said as such, not "we do not know it".
      setProblem(!typed.trim() ? 'empty' : typed.replace(/[\s-]+/g, '').length !== CODE_LENGTH ? 'length' : 'unknown');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const found: LookupResult = await lookupCode(code);
    setBusy(false);
    if (found.kind === 'found') {
      navigate(`/s/${encodeURIComponent(found.token)}${window.location.search}`, { replace: true });
      return;
    }
    setValue(formatCode(code));
    setProblem(found.kind);
    inputRef.current?.focus();
  };

  useEffect(() => {
    document.title = `${t('codeTitle')} – Gevinstspor`;
  }, [t]);

  // /k/<code>: look it up straight away (once).
  const started = useRef(false);
  useEffect(() => {
    if (initialCode && !started.current) {
      started.current = true;
      void open(initialCode);
    }
  }, [initialCode]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open(value);
  };

  const message =
    problem === 'empty' ? t('codeEmpty') : problem === 'length' ? t('codeLength') : problem === 'unknown' ? t('codeUnknown') : problem === 'revoked' ? t('codeRevoked') : problem === 'failed' ? t('codeFailed') : '';

  return (
    <section className="code-page" aria-labelledby="code-title">
      <h1 id="code-title">{t('codeTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor="short-code" className="code-label">
          {t('codeLabel')}
        </label>
        <p id={hintId} className="code-hint">
          {t('codeHint')}
        </p>
        <input
          ref={inputRef}
          id="short-code"
          className="code-input"
          name="code"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={40}
          value={value}
          aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
          aria-invalid={problem && problem !== 'failed' ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
          autoFocus={!initialCode}
        />
        <p id={errorId} className="code-error" role="alert">
          {message}
        </p>
        <button type="submit" className="code-submit" disabled={busy}>
          {busy ? t('codeLooking') : t('codeSubmit')}
        </button>
      </form>
    </section>
  );
}
