// Entry: picks the public answer page (/s/:token) or the staff app (everything else), each a lazy chunk,
// so a phone opening a survey link never downloads the admin screens or chart.js.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { match, usePath } from './router';
import { useT } from './i18n/common';
import './styles.css';

const AnswerPage = lazy(() => import('./answer/AnswerPage'));
const StaffApp = lazy(() => import('./admin/StaffApp'));

function Loading() {
  const t = useT();
  return (
    <p className="page-loading" role="status">
      {t('loading')}
    </p>
  );
}

function Root() {
  const path = usePath();
  const answer = match('/s/:token', path);
  return (
    <Suspense fallback={<Loading />}>{answer ? <AnswerPage key={answer.token} token={answer.token} /> : <StaffApp path={path} />}</Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
