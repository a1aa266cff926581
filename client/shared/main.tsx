// Entry of the shared picture (shared.html, served for /p/*): a read-only project page for staff meetings, the
// intranet and a projector. React, the typed API client and these few modules only — nothing of the staff app or
// of the survey.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import SharedApp from './SharedApp';
import '../styles.css';
import './shared.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SharedApp />
  </StrictMode>,
);
