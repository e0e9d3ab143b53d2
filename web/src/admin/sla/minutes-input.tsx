import { NumberInput, type NumberInputProps, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesValue } from './agreement-form.js';
import { useMinutesText } from './sla-format.js';

/**
 * Business minutes typed as a number (arrows step by 15), with the same time in hours underneath
 * ("= 4 h 30 min") so 270 is easy to check at a glance.
 */
export function MinutesInput({
  value,
  onChange,
  ...props
}: Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: MinutesValue;
  onChange: (value: MinutesValue) => void;
}) {
  const { t } = useTranslation();
  const text = useMinutesText();
  return (
    <Stack gap={2}>
      <NumberInput
        value={value}
        onChange={(next) => onChange(typeof next === 'number' ? next : '')}
        min={0}
        step={15}
        allowDecimal={false}
        allowNegative={false}
        rightSection={
          <Text size="xs" c="dimmed" aria-hidden>
            min
          </Text>
        }
        rightSectionWidth={36}
        rightSectionPointerEvents="none"
        {...props}
      />
      {typeof value === 'number' && value >= 60 ? (
        <Text size="xs" c="dimmed">
          {t('slaAdmin.duration.equals', { text: text(value) })}
        </Text>
      ) : null}
    </Stack>
  );
}
