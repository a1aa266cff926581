// The baseline of bench/answerPage.bench.ts: the same survey JSON rendered with only React and SurveyJS
// (fontless CSS, as the real page), nothing else — what an answer page cannot be smaller than.
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
// Written by the bench before the build: the survey the real page gets from /api/s/<token>.
import json from 'virtual:bench-survey';

const model = new Model(json);
createRoot(document.getElementById('root')!).render(<Survey model={model} />);
