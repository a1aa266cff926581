// Entry of the workshop phone page (workshop.html, served for /w and /w/*): a phone scanning the projector's QR code
// downloads React and these few modules only — nothing of the staff app or of the survey page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import WorkshopPhoneApp from './WorkshopPhoneApp';
import '../styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkshopPhoneApp />
  </StrictMode>,
);
