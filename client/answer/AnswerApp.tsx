// The answer pages: /s/<token> (the survey; ?kiosk=1 for a shared tablet), /k (type a poster's code) and
// /k/<code>. Its own Vite entry (answer.html → answer/main.tsx): React, SurveyJS and these few modules only.
import { useEffect } from 'react';
import { match, usePath } from '../router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/common';
import { useAnswerT } from '../i18n/answering';
import AnswerPage from './AnswerPage';
import CodePage from './CodePage';
import { isKioskSearch } from './kiosk';
import { sweepExpired } from './deviceStore';
import './answer.css';

export default function AnswerApp() {
  const path = usePath();
  const t = useT();
  const ta = useAnswerT();
  const survey = match('/s/:token', path);
  const codeGiven = match('/k/:code', path);
  const kiosk = isKioskSearch(window.location.search);

  useEffect(() => sweepExpired(), []);

  let content;
  if (survey) content = <AnswerPage key={survey.token} token={survey.token} kiosk={kiosk} />;
  else if (codeGiven) content = <CodePage key={codeGiven.code} initialCode={codeGiven.code} />;
  else content = <CodePage />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="answer-header">
        <span className="brand" aria-hidden="true">
          Gevinstspor
        </span>
        {kiosk && survey && <span className="kiosk-badge">{ta('kioskBadge')}</span>}
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="answer-main">
        {content}
      </main>
    </>
  );
}
