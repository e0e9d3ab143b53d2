import { dueFirings, oneNoticePerPerson, silencedByLater } from '../../../domain/sla/sla-schedule.js';
import type { SlaFiring } from './sla.service.js';

/** What one case's detection run claimed: how many points, which of them speak, and to whom. */
export interface ClaimedFirings {
  count: number;
  /** The firings that speak (not silenced by a later one due with them), in order. */
  speaking: SlaFiring[];
  /** For each speaking firing, the people it tells: each person once across them. */
  told: string[][];
  /** When the case was put on the supervisors' list: kept if it was, now if a claimed level escalates. */
  escalatedAt: string | null;
}

/**
 * The step a ticket's and a problem's detection share: every point due by `now` and not fired is
 * claimed — the claim (a primary key) decides across runners, so each fires once — and recorded in
 * `fired`; a warning due together with a later point stays silent, and firings due together tell
 * each person once (an escalation, not also the warning beside it).
 */
export async function claimDueFirings(
  evaluation: { firings: SlaFiring[]; fired: Map<string, string> },
  now: string,
  escalatedAt: string | null,
  claim: (key: string) => Promise<boolean>,
  recipientsOf: (firing: SlaFiring) => Promise<string[]>,
): Promise<ClaimedFirings> {
  const due = dueFirings(evaluation.firings, new Set(evaluation.fired.keys()), Date.parse(now));
  const silenced = silencedByLater(due);
  let count = 0;
  let escalated = escalatedAt;
  const speaking: SlaFiring[] = [];
  for (const firing of due) {
    if (!(await claim(firing.key))) continue;
    evaluation.fired.set(firing.key, now);
    count++;
    if (silenced.has(firing.key)) continue;
    speaking.push(firing);
    if (firing.level?.escalate && !escalated) escalated = now;
  }
  const named: string[][] = [];
  for (const firing of speaking) named.push(await recipientsOf(firing));
  return { count, speaking, told: oneNoticePerPerson(speaking, named), escalatedAt: escalated };
}
