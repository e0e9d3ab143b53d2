import type { Kysely } from 'kysely';
import type { SatisfactionFigures, SatisfactionQuery } from '../../../domain/contracts/surveys.js';
import { ratingIndex } from '../../../domain/surveys/survey-scores.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './ticket-surveys.repository.js';

interface Counts {
  answered: number;
  sum: number;
  top_two: number;
  low: number;
}

/** n beside every figure: a mean of three answers reads differently from one of three hundred. */
function figuresOf(counts: Counts) {
  const answered = Number(counts.answered);
  const mean = answered === 0 ? null : Number(counts.sum) / answered;
  return {
    answered,
    mean,
    index: mean === null ? null : ratingIndex(mean),
    topTwoBox: answered === 0 ? null : (100 * Number(counts.top_two)) / answered,
    low: Number(counts.low),
  };
}

/** The month's satisfaction after tickets, per agent, group, organization, service or channel. */
export class SatisfactionFiguresService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async figures(query: SatisfactionQuery): Promise<SatisfactionFigures> {
    const month = query.month ?? this.clock.now().toISOString().slice(0, 7);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const range = {
      from: new Date(Date.UTC(year, monthNumber - 1, 1)).toISOString(),
      to: new Date(Date.UTC(year, monthNumber, 1)).toISOString(),
    };
    const [rows, sent] = await Promise.all([
      repo.ratingsBy(this.db, query.by, range, query.organizationId),
      repo.surveysSent(this.db, range, query.organizationId),
    ]);
    const total = rows.reduce<Counts>(
      (sum, row) => ({
        answered: sum.answered + Number(row.answered),
        sum: sum.sum + Number(row.sum),
        top_two: sum.top_two + Number(row.top_two),
        low: sum.low + Number(row.low),
      }),
      { answered: 0, sum: 0, top_two: 0, low: 0 },
    );
    return {
      month,
      sent,
      total: figuresOf(total),
      items: rows
        .map((row) => ({ key: row.key, name: row.name ?? '—', ...figuresOf(row) }))
        .sort((a, b) => b.answered - a.answered || a.name.localeCompare(b.name)),
    };
  }
}
