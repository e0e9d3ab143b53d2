import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProblemIncidents } from '../../../domain/contracts/problems.js';

const WIDTH = 240;
const HEIGHT = 48;
/** Wide enough to see, narrow enough that a week or two do not read as a solid block. */
const MAX_BAR = 14;

/**
 * Incidents per week as small bars: a picture for the eye, with the same numbers as its text
 * alternative (the summary under it and a title per bar).
 */
export function IncidentTrendChart({ trend }: { trend: ProblemIncidents['trend'] }) {
  const { t } = useTranslation();
  if (trend.length === 0) return null;
  const max = Math.max(1, ...trend.map((p) => p.count));
  const total = trend.reduce((sum, p) => sum + p.count, 0);
  const slot = Math.min(WIDTH / trend.length, MAX_BAR + 2);
  const summary = t('problems.web.chartSummary', { total, periods: trend.length, max });
  return (
    <figure style={{ margin: 0 }}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {trend.map((period, index) => {
          const height = period.count === 0 ? 1 : Math.max(3, (period.count / max) * (HEIGHT - 2));
          return (
            <rect
              key={period.start}
              x={index * slot + 1}
              y={HEIGHT - height}
              width={Math.max(1, slot - 2)}
              height={height}
              fill={period.count === 0 ? 'var(--mantine-color-gray-4)' : 'var(--mantine-color-blue-6)'}
            >
              <title>{t('problems.web.chartBar', { start: period.start, count: period.count })}</title>
            </rect>
          );
        })}
      </svg>
      <Text component="figcaption" size="xs" c="dimmed">
        {summary}
      </Text>
    </figure>
  );
}
