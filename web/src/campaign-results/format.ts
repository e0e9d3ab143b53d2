import type { TFunction } from 'i18next';
import type { Breakdown, BreakdownGroup, ResultChange } from '../../../domain/contracts/campaign-results.js';
import { ROLES } from '../../../domain/roles.js';

/**
 * How the results dashboard words and rounds its figures, apart from React so it can be tested:
 * an index has no decimals, a change one (so a 4.6 is not shown as a 5 that looks flagged), and
 * a p-value only appears on request.
 */

/** A figure rounded to whole numbers the way the language writes it; a figure on no answers is a dash. */
export function formatFigure(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share 0..100 as "72 %" (or "72%") per locale. */
export function formatPercent(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A signed change with one decimal: "+7,2", "−3.0". */
export function formatDelta(delta: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(delta);
}

/** An NPS: signed whole number, so "+12" and "−8" read as a balance. */
export function formatNps(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value);
}

/** What the screen says about a change against the previous campaign. */
export interface ChangeText {
  /** Marked with an arrow (flagged) or muted (not significant). */
  tone: 'up' | 'down' | 'muted';
  /** The short text beside the figure. */
  text: string;
  /** The full sentence for screen readers. */
  label: string;
  /** The p-value, shown in a tooltip only. */
  pValue: string;
}

/**
 * A change gets an arrow only when the analysis flagged it (p < 0.05 and at least 5 points);
 * every other change is shown in muted text as "not significant", whatever its size.
 */
export function changeText(change: ResultChange | null, t: TFunction, locale: string): ChangeText | null {
  if (!change) return null;
  const delta = formatDelta(change.delta, locale);
  const pValue = formatPValue(change.p, t, locale);
  if (change.flagged && change.delta !== 0) {
    const magnitude = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      Math.abs(change.delta),
    );
    return change.delta > 0
      ? {
          tone: 'up',
          text: t('campaignResults.change.up', { delta }),
          label: t('campaignResults.change.upLabel', { delta: magnitude }),
          pValue,
        }
      : {
          tone: 'down',
          text: t('campaignResults.change.down', { delta }),
          label: t('campaignResults.change.downLabel', { delta: magnitude }),
          pValue,
        };
  }
  return {
    tone: 'muted',
    text: t('campaignResults.change.notSignificant', { delta }),
    label: t('campaignResults.change.notSignificantLabel', { delta }),
    pValue,
  };
}

/** "p = 0.012"; below 0.001 as "p < 0.001" (more digits say nothing more). */
export function formatPValue(p: number | null, t: TFunction, locale: string): string {
  if (p === null) return t('campaignResults.change.pUnknown');
  if (p < 0.001) {
    return t('campaignResults.change.pBelow', { p: new Intl.NumberFormat(locale).format(0.001) });
  }
  const digits = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return t('campaignResults.change.pValue', { p: digits.format(p) });
}

/** "35 answered of 50 invited (70 %)". */
export function responseRateText(
  rate: { invited: number; answered: number; rate: number },
  t: TFunction,
  locale: string,
): string {
  const whole = new Intl.NumberFormat(locale);
  return t('campaignResults.responseRate', {
    count: rate.answered,
    answered: whole.format(rate.answered),
    invited: whole.format(rate.invited),
    rate: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate.rate),
  });
}

/** The cells of one breakdown group: its figures, or the one sentence that says why they are withheld. */
export type GroupCells =
  | { suppressed: true; text: string }
  | { suppressed: false; index: string; topTwoBox: string; nps: string };

export function groupCells(group: BreakdownGroup, minGroupSize: number, t: TFunction, locale: string): GroupCells {
  if (group.suppressed) {
    return { suppressed: true, text: t('campaignResults.breakdowns.suppressed', { count: minGroupSize }) };
  }
  return {
    suppressed: false,
    index: formatFigure(group.index, locale),
    topTwoBox: formatPercent(group.topTwoBox, locale),
    nps: formatNps(group.nps, locale),
  };
}

/**
 * A group's name: roles and languages come as keys the screen translates, services as the desk
 * named them; "unknown" (answered before the profile kept the field) and "none" (no tickets) are words.
 */
export function groupName(by: Breakdown['by'], group: BreakdownGroup, t: TFunction): string {
  if (group.key === 'unknown') return t('campaignResults.breakdowns.unknown');
  if (by === 'service') return group.key === 'none' ? t('campaignResults.breakdowns.noService') : group.name;
  if (by === 'role') {
    const role = ROLES.find((r) => r === group.key);
    return role ? t(`roles.${role}`) : group.name;
  }
  return group.key === 'es' || group.key === 'en' ? t(`campaignResults.breakdowns.languages.${group.key}`) : group.name;
}

/** Part of a whole as a 0..100 share; 0 when there is no whole. */
export const shareOf = (count: number, total: number): number => (total > 0 ? (count / total) * 100 : 0);

/** A localized text in the viewer's language (Spanish or English). */
export const inLanguage = (text: { es: string; en: string }, language: string): string =>
  language.startsWith('es') ? text.es : text.en;
