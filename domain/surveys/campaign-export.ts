import type { CampaignResults } from '../contracts/campaign-results.js';
import type { ResultResponse } from './campaign-figures.js';
import { type QuestionnaireDocument, questionsOf } from './questionnaire.js';

/**
 * A campaign's responses as a table, one row per response, for the CSV and XLSX downloads: the
 * response, its day and its grouped profile, then one column per question (a matrix one per item,
 * a multiple choice its option ids joined by ";"). Cells are strings or numbers; the CSV writer
 * below makes them safe for a spreadsheet.
 */

export type Cell = string | number;
export interface Table {
  header: string[];
  rows: Cell[][];
}

export function responsesTable(
  document: QuestionnaireDocument,
  responses: readonly ResultResponse[],
  serviceNames: ReadonlyMap<string, string>,
): Table {
  const questions = questionsOf(document);
  const columns = questions.flatMap((question): { header: string; id: string; item: string | undefined }[] =>
    question.kind === 'matrix'
      ? (question.options ?? []).map((item) => ({
          header: `${question.id}.${item.id}`,
          id: question.id,
          item: item.id,
        }))
      : [{ header: question.id, id: question.id, item: undefined }],
  );
  return {
    header: ['response', 'day', 'role', 'language', 'services', ...columns.map((column) => column.header)],
    rows: responses.map((response) => [
      response.id,
      response.createdAt.slice(0, 10),
      response.profile.role ?? '',
      response.profile.language ?? '',
      (response.profile.services ?? []).map((id) => serviceNames.get(id) ?? id).join(';'),
      ...columns.map(({ id, item }) => {
        const given = response.answers[id];
        if (given === undefined) return '';
        if (item !== undefined) return typeof given === 'object' && !Array.isArray(given) ? (given[item] ?? '') : '';
        if (Array.isArray(given)) return given.join(';');
        return typeof given === 'object' ? '' : given;
      }),
    ]),
  };
}

/** The dimension figures, for the XLSX's "Summary" sheet. */
export function summaryTable(results: CampaignResults): Table {
  return {
    header: ['dimension', 'n', 'respondents', 'mean', 'index', 'topTwoBox', 'indexChange', 'indexChangeP', 'flagged'],
    rows: [
      ['all', results.overall.n, results.overall.respondents, ...figures(results.overall), '', '', ''],
      ...results.dimensions.map((dimension) => [
        dimension.dimension,
        dimension.n,
        dimension.respondents,
        ...figures(dimension),
        dimension.indexChange?.delta ?? '',
        dimension.indexChange?.p ?? '',
        dimension.indexChange ? String(dimension.indexChange.flagged) : '',
      ]),
      ...(results.nps
        ? [
            [
              'nps',
              results.nps.n,
              results.nps.n,
              '',
              results.nps.nps ?? '',
              '',
              results.nps.change?.delta ?? '',
              results.nps.change?.p ?? '',
              results.nps.change ? String(results.nps.change.flagged) : '',
            ],
          ]
        : []),
    ],
  };
}

const figures = (block: { mean: number | null; index: number | null; topTwoBox: number | null }): Cell[] => [
  block.mean ?? '',
  block.index ?? '',
  block.topTwoBox ?? '',
];

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
 * before one) is prefixed with an apostrophe, so a respondent's answer never runs as one (CSV
 * injection). Numbers we wrote ourselves stay numbers.
 */
export function neutralized(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const quoted = (text: string) => (/[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** RFC 4180 CSV with a UTF-8 byte order mark, so Excel reads the accents. */
export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map((cell) => quoted(neutralized(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
