import { describe, expect, it } from 'vitest';
import { problemsEn } from '../i18n/problems-en.js';
import { problemsEs } from '../i18n/problems-es.js';
import { checkProblemTransition } from './problem-lifecycle.js';
import { PROBLEM_REFUSALS } from './problem-refusals.js';

describe('problem refusals', () => {
  it('has a sentence for every reason in Spanish and English, naming only the params it is given', () => {
    for (const catalog of [problemsEs, problemsEn]) {
      expect(Object.keys(catalog.problems.refusals).sort()).toEqual([...PROBLEM_REFUSALS].sort());
    }
    // The placeholders a sentence uses are the same in both languages.
    for (const reason of PROBLEM_REFUSALS) {
      const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(problemsEn.problems.refusals[reason]), reason).toEqual(names(problemsEs.problems.refusals[reason]));
    }
  });

  it('gives the lifecycle’s refusals their codes and what they name', () => {
    expect(
      checkProblemTransition('new', 'resolved', {
        workaroundDesk: null,
        workaroundPublic: null,
        cause: null,
        permanentFix: null,
      }),
    ).toEqual([
      {
        field: 'status',
        message: 'a new problem cannot become resolved',
        reason: 'transition_forbidden',
        params: { from: 'new', to: 'resolved' },
      },
    ]);
    expect(
      checkProblemTransition('known_error', 'resolved', {
        workaroundDesk: '<p>x</p>',
        workaroundPublic: null,
        cause: null,
        permanentFix: null,
      }).map((issue) => issue.reason),
    ).toEqual(['cause_required', 'permanent_fix_required']);
  });
});
