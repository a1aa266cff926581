// Entry of the answer pages (answer.html, served for /s/* and /k*): a phone opening a survey link downloads
// React, SurveyJS and the answer modules — nothing of the staff app, its texts, chart.js or exceljs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import AnswerApp from './AnswerApp';
import '../styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AnswerApp />
  </StrictMode>,
);
