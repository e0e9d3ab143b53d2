import { BREAKDOWN_FIELDS, type Breakdown, type BreakdownGroup } from '../contracts/campaign-results.js';
import { headlineFigures, type ResultResponse } from './campaign-figures.js';
import type { QuestionnaireDocument } from './questionnaire.js';
import { suppressSmallGroups } from './survey-scores.js';

/**
 * The campaign's figures by role, language and service. A respondent counts in every service they
 * raised tickets for, and in "none" when they raised none; a response from before the profile kept
 * these fields counts as "unknown". Groups under the minimum size keep their name and count only,
 * so no one is recognized by their answers.
 */

type Field = (typeof BREAKDOWN_FIELDS)[number];

/** The groups a response belongs to under one breakdown. */
function groupsOf(field: Field, response: ResultResponse): string[] {
  const profile = response.profile;
  switch (field) {
    case 'role':
      return [profile.role ?? 'unknown'];
    case 'language':
      return [profile.language ?? 'unknown'];
    case 'service':
      if (profile.services === undefined) return ['unknown'];
      return profile.services.length === 0 ? ['none'] : [...new Set(profile.services)];
  }
}

function breakdownBy(
  field: Field,
  document: QuestionnaireDocument,
  responses: readonly ResultResponse[],
  serviceNames: ReadonlyMap<string, string>,
): Breakdown {
  const members = new Map<string, ResultResponse[]>();
  for (const response of responses)
    for (const group of groupsOf(field, response)) members.set(group, [...(members.get(group) ?? []), response]);
  const groups = suppressSmallGroups(
    [...members.entries()].map(([group, inGroup]) => ({
      group,
      respondents: inGroup.length,
      figures: headlineFigures(document, inGroup),
    })),
  );
  return {
    by: field,
    groups: groups
      .map(
        (group): BreakdownGroup => ({
          key: group.group,
          // Roles and languages are keys the screen translates; services are named as the desk named them.
          name: field === 'service' ? (serviceNames.get(group.group) ?? group.group) : group.group,
          respondents: group.respondents,
          suppressed: group.suppressed,
          index: group.suppressed ? null : group.figures.index,
          topTwoBox: group.suppressed ? null : group.figures.topTwoBox,
          nps: group.suppressed ? null : group.figures.nps,
        }),
      )
      .sort((a, b) => b.respondents - a.respondents || a.key.localeCompare(b.key)),
  };
}

export function breakdownsOf(
  document: QuestionnaireDocument,
  responses: readonly ResultResponse[],
  serviceNames: ReadonlyMap<string, string>,
): Breakdown[] {
  return BREAKDOWN_FIELDS.map((field) => breakdownBy(field, document, responses, serviceNames));
}
