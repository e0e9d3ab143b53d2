import type { Kysely } from 'kysely';
import { DateTime, IANAZone } from 'luxon';
import type { SatisfactionFigures, SatisfactionQuery } from '../../../domain/contracts/surveys.js';
import { ratingIndex } from '../../../domain/surveys/survey-scores.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { validationError } from '../../platform/errors.js';
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
    const zone = query.zone ?? 'UTC';
    if (!IANAZone.isValidZone(zone))
      throw validationError([{ field: 'zone', message: `"${zone}" is not a time zone (use e.g. America/Santiago)` }]);
    // The viewer's month: a survey answered on the 1st at 02:00 UTC is still last month in Santiago.
    const month = query.month ?? DateTime.fromJSDate(this.clock.now(), { zone }).toFormat('yyyy-MM');
    const start = DateTime.fromFormat(month, 'yyyy-MM', { zone });
    const range = { from: start.toUTC().toISO() ?? '', to: start.plus({ months: 1 }).toUTC().toISO() ?? '' };
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
