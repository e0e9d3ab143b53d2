import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const MAX_THRESHOLDS = 5;
const SUGGESTED = [50, 75, 80, 90];
const asTag = (percent: number) => `${percent} %`;

/** The shares of a target (in percent, 1–99) at which a ticket shows as at risk; typed "80" or picked. */
export function WarningThresholdsInput({
  value,
  onChange,
  error,
}: {
  value: number[];
  onChange: (value: number[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const handleChange = (tags: string[]) => {
    const percents = tags
      .map((tag) => Number.parseInt(tag, 10))
      .filter((p) => Number.isInteger(p) && p >= 1 && p <= 99);
    onChange([...new Set(percents)].sort((a, b) => a - b).slice(0, MAX_THRESHOLDS));
  };
  return (
    <TagsInput
      label={t('slaAdmin.agreements.warnAt')}
      description={t('slaAdmin.agreements.warnAtHint')}
      placeholder={value.length < MAX_THRESHOLDS ? t('slaAdmin.agreements.warnAtPlaceholder') : undefined}
      data={SUGGESTED.filter((p) => !value.includes(p)).map(asTag)}
      value={value.map(asTag)}
      onChange={handleChange}
      maxTags={MAX_THRESHOLDS}
      clearable
      error={error}
    />
  );
}
