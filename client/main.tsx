// Entry of the staff app. The answer pages (/s/…, /k…) have their own entry (answer.html → answer/main.tsx),
// which the server sends for those paths; they are lazy here too only for `vite` dev, which sends index.html.
import './cspSafeZod';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { usePath } from './router';
import { useT } from './i18n/common';
import './styles.css';

const AnswerApp = lazy(() => import('./answer/AnswerApp'));
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
  const answering = path.startsWith('/s/') || path === '/k' || path.startsWith('/k/');
  return <Suspense fallback={<Loading />}>{answering ? <AnswerApp /> : <StaffApp path={path} />}</Suspense>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
