// The demo's workshop (issue 12): Plejecenter Solhaven described the primary behaviour together at a staff meeting
// a week ago — ten suggestions (enough to reach the default free-text threshold, so the demo shows them), their
// votes, and the description the unit agreed on. Called from seedDemo (demo.ts) inside its transaction.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { behaviours, unitBehaviourDescriptions, workshopSuggestions, workshopVotes, workshops } from '../../db/schema';
import { type Clock } from './clock';
import { newShortCode } from './shortCodes';

const suggestions: { kind: 'looks_like' | 'barrier'; text: string; votes: number }[] = [
  { kind: 'looks_like', text: 'Vi læser status på tabletten i personalestuen, før vi går ud til beboerne.', votes: 9 },
  { kind: 'looks_like', text: 'Den, der har haft beboeren i går, skriver en kort note om natten og morgenen.', votes: 6 },
  { kind: 'looks_like', text: 'Vi tager de svære beboere op sammen ved kaffen kl. 10 i stedet for ved vagtstart.', votes: 7 },
  { kind: 'looks_like', text: 'Afløsere får en makker den første vagt, som viser, hvor status står.', votes: 4 },
  { kind: 'looks_like', text: 'Vi markerer i systemet, når vi har læst en beboers status.', votes: 2 },
  { kind: 'barrier', text: 'Der er kun to tablets til hele gangen om morgenen.', votes: 8 },
  { kind: 'barrier', text: 'Det tager lang tid at logge ind, når man skal skifte bruger.', votes: 5 },
  { kind: 'barrier', text: 'Nogle noter er så korte, at man alligevel må spørge nattevagten.', votes: 3 },
  { kind: 'barrier', text: 'Nye kolleger ved ikke, hvor i systemet de skal kigge.', votes: 4 },
  { kind: 'barrier', text: 'Vi savner den faglige snak, vi fik ved den fælles overlevering.', votes: 6 },
];

const agreed =
  'Hos os i Solhaven læser hver medarbejder selv beboernes status på tabletten i personalestuen, før vagten går i gang. ' +
  'Den, der havde beboeren sidst, skriver en kort note. De svære beboere tager vi op sammen ved kaffen kl. 10.';
const agreedEn =
  'In Solhaven each of us reads the residents\' status on the tablet in the staff room before the shift starts. ' +
  'Whoever had the resident last writes a short note. We talk about the difficult residents together at the 10 o\'clock coffee.';

export async function seedDemoWorkshop(tx: Db, projectId: number, unitId: number, createdBy: number, clock: Clock): Promise<void> {
  const [behaviour] = await tx
    .select({ id: behaviours.id })
    .from(behaviours)
    .where(and(eq(behaviours.projectId, projectId), isNull(behaviours.archivedAt)))
    .orderBy(asc(behaviours.sortOrder), asc(behaviours.id))
    .limit(1);
  if (!behaviour) return;
  const held = new Date(clock.now().getTime() - 7 * 86_400_000);
  held.setUTCHours(12, 0, 0, 0);
  const closedAt = new Date(held.getTime() + 45 * 60_000).toISOString();
  const [workshop] = await tx
    .insert(workshops)
    .values({ projectId, unitId, behaviourId: behaviour.id, token: newShortCode(), status: 'closed', createdBy, createdAt: held.toISOString(), closedAt })
    .returning({ id: workshops.id });
  for (const [i, s] of suggestions.entries()) {
    const [row] = await tx.insert(workshopSuggestions).values({ workshopId: workshop.id, kind: s.kind, text: s.text, votes: s.votes }).returning({ id: workshopSuggestions.id });
    // Vote keys as the phones' would be: hashes of ids nobody knows.
    const keys = Array.from({ length: s.votes }, (_, v) => createHash('sha256').update(`demo-vote\0${workshop.id}\0${i}\0${v}`).digest('base64url'));
    if (keys.length) await tx.insert(workshopVotes).values(keys.map((voterKey) => ({ suggestionId: row.id, voterKey })));
  }
  await tx.insert(unitBehaviourDescriptions).values({ behaviourId: behaviour.id, unitId, description: agreed, descriptionEn: agreedEn, workshopId: workshop.id, updatedBy: createdBy, updatedAt: closedAt });
}
