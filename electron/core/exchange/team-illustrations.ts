import { randomInt } from 'node:crypto';
import type { Aggregation } from '../../../shared/exchange/k-anonymity/types';
import type { TeamSummary } from '../../../shared/exchange/stix/team-bundle';

/** What the choice needs of a released signal: its id, its conversation and its (redacted, reviewed) summary. */
export interface IllustrationCandidate {
  id: string;
  conversation: string;
  summary: string;
}

/** The team bundle's limit on one summary (the same as the officer bundle's). */
const maxLength = 5000;

/**
 * The redacted summaries that go with a team bundle's cells as illustrations for the central point:
 * at most `perCell` per released cell, each from another conversation of that cell, chosen at
 * random so that neither the order of review nor of arrival says which conversation a summary is
 * from. A summary the officer left blank goes nowhere. `pick(n)` returns a whole number below n.
 */
export function chooseIllustrations(
  released: Aggregation['released'],
  candidates: readonly IllustrationCandidate[],
  perCell: number,
  pick: (n: number) => number = randomInt,
): TeamSummary[] {
  if (perCell === 0) return [];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const out: TeamSummary[] = [];
  for (const { cell, signalIds } of released) {
    const byConversation = new Map<string, string[]>();
    for (const id of signalIds) {
      const c = byId.get(id);
      if (!c || !/\S/.test(c.summary) || c.summary.length > maxLength) continue;
      byConversation.set(c.conversation, [...(byConversation.get(c.conversation) ?? []), c.summary]);
    }
    const conversations = [...byConversation.values()];
    for (let taken = 0; taken < perCell && conversations.length > 0; taken++) {
      const [summaries] = conversations.splice(pick(conversations.length), 1);
      out.push({ cell, text: summaries![pick(summaries!.length)]! });
    }
  }
  return out;
}
