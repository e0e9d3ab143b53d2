import { Input, SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Impact, LEVELS, type Urgency } from '../../../domain/tickets/priority.js';

/** Impact and urgency share one scale (domain/tickets/priority.ts). */
type Level = Impact | Urgency;

/** Impact or urgency: low, medium or high, side by side. */
export function LevelInput({
  kind,
  value,
  onChange,
  size,
}: {
  kind: 'impact' | 'urgency';
  value: Level;
  onChange: (level: Level) => void;
  size?: SegmentedControlProps['size'];
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div>
      <Input.Label id={labelId} mb={4}>
        {t(`tickets.fields.${kind}`)}
      </Input.Label>
      <SegmentedControl
        aria-labelledby={labelId}
        fullWidth
        size={size}
        value={value}
        onChange={(next) => next !== value && onChange(next as Level)}
        data={[...LEVELS].reverse().map((level) => ({
          value: level,
          label: t(`tickets.${kind}Levels.${level}`),
        }))}
      />
    </div>
  );
}
