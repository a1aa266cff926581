// Free-text comments ("what would make this easier"): shown only for a whole closed wave with at least the
// free-text threshold of respondents (10), never per unit and never to a view narrowed to some units — as the
// disclosure policy decides.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { responses, responseValues, waves } from '../../db/schema';
import type { Localized } from '../../surveys/types';
import type { Clock } from './clock';
import { respondentCounts } from './answerCounts';
import { cellRespondents, HIDDEN_REASON, reportingCells, type DisclosurePolicy } from './disclosure';
import { getProjectRow } from './projects';
import { rawAnswersDeleted } from './retention';
import { getSurveyVersion } from './surveys';
import { effectiveStatus, waveLinkCells } from './waves';

/** One free-text question of a shown wave, with its comments. */
export interface CommentQuestion {
  key: string;
  /** The behaviour the question asks about (the survey's free-text item per behaviour); null for a general one. */
  behaviourId: number | null;
  text: Localized;
  comments: string[];
}

export interface CommentOptions {
  /** A viewer limited to some units never sees comments: they could come from anyone in the project. */
  narrowedToUnits: boolean;
}

export async function getComments(db: Db, projectId: number, policy: DisclosurePolicy, opts: CommentOptions, clock: Clock) {
  const project = await getProjectRow(db, projectId);
  // Past the retention date the free text is deleted (retention.ts): say so rather than show an empty list.
  const rawDeleted = rawAnswersDeleted(project, clock);
  // Waves without an open date first on both engines, as SQLite sorts nulls.
  const rows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const stageOf = (w: (typeof rows)[number]) => policy.stage({ ...w, status: effectiveStatus(w, clock) });
  // Comments only once a wave closes: a list that grows while the wave runs would tie each new comment to
  // whoever just answered.
  const shownWaves = rows.filter((w) => stageOf(w).comments);
  const links = await waveLinkCells(db, shownWaves.map((w) => w.id));
  const waveComments = async (w: (typeof rows)[number]) => {
    const answered = and(eq(responses.waveId, w.id), stageOf(w).answers === 'released' ? isNotNull(responses.releasedIn) : undefined);
    const [{ n: respondents }] = await db.select({ n: count() }).from(responses).where(answered);
    const shown = policy.commentsShown(respondents, opts.narrowedToUnits) && !rawDeleted;
    if (!shown || !w.surveyVersionId) {
      // 'narrowed_view' depends only on the viewer; otherwise the one reason every hidden number gives.
      const hiddenReason = opts.narrowedToUnits ? ('narrowed_view' as const) : rawDeleted ? ('raw_deleted' as const) : HIDDEN_REASON;
      // The respondent count is left out too: elsewhere a wave total can be hidden to protect a small unit.
      return { waveId: w.id, name: w.name, respondents: null, shown: false, hiddenReason, questions: [] as CommentQuestion[] };
    }
    const textItems = (await getSurveyVersion(db, w.surveyVersionId)).itemMap.items.filter((i) => i.type === 'text');
    const texts = textItems.length
      ? await db
          .select({ itemKey: responseValues.itemKey, text: responseValues.valueText })
          .from(responseValues)
          .innerJoin(responses, eq(responses.id, responseValues.responseId))
          .where(and(answered, inArray(responseValues.itemKey, textItems.map((i) => i.key)), isNotNull(responseValues.valueText)))
      : [];
    // The count only where the wave's total is shown anyway (the waves list and the report hide it to protect a
    // small unit), decided over the same responses this count is of.
    const cells = reportingCells(links.filter((l) => l.waveId === w.id));
    const hideTotal = policy.waveTotalHidden(cells, cellRespondents(cells, await respondentCounts(db, [{ waveId: w.id, answers: stageOf(w).answers }])));
    return {
      waveId: w.id,
      name: w.name,
      respondents: hideTotal ? null : respondents,
      shown: true,
      hiddenReason: null,
      questions: textItems
        .map((i): CommentQuestion => ({
          key: i.key,
          behaviourId: i.behaviourId ?? null,
          text: i.text,
          // Alphabetical, so the order says nothing about who answered when.
          comments: texts.filter((t) => t.itemKey === i.key && t.text!.trim()).map((t) => t.text!).sort((a, b) => a.localeCompare(b, 'da')),
        }))
        .filter((q) => q.comments.length > 0),
    };
  };
  const result: Awaited<ReturnType<typeof waveComments>>[] = [];
  for (const w of shownWaves) result.push(await waveComments(w));
  // Said once for the whole answer, so a narrowed view can say why instead of listing waves with nothing in them.
  return { threshold: policy.rules.freeTextThreshold, narrowedToUnits: opts.narrowedToUnits, waves: result };
}
