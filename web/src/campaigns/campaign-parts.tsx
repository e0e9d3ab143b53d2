import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../domain/contracts/campaigns.js';
import { ratePercent } from './campaign-form.js';

const STATE_COLORS: Record<Campaign['state'], string> = {
  draft: 'gray',
  scheduled: 'violet',
  open: 'teal',
  closed: 'dark',
};

export function CampaignStateBadge({ state }: { state: Campaign['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {t(`campaigns.states.${state}`)}
    </Badge>
  );
}

/**
 * How many of those invited answered: a bar with "answered / invited" beside it. The bar is named
 * by the same words, so a screen reader hears the figures rather than a bare percentage.
 */
export function ResponseRateBar({
  rate,
  state,
  size = 'md',
}: {
  rate: Campaign['responseRate'];
  state: Campaign['state'];
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  // Nobody is invited before the campaign opens: "0 / 0" would read like a failure.
  if (rate.invited === 0 && (state === 'draft' || state === 'scheduled'))
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.notSent')}
      </Text>
    );
  const percent = ratePercent(rate);
  const label = t('campaigns.rateLabel', { answered: rate.answered, invited: rate.invited, percent });
  return (
    <Stack gap={4} miw={140}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size={size === 'sm' ? 'sm' : 'md'} fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('campaigns.rate', { answered: rate.answered, invited: rate.invited })}
        </Text>
        <Text size="xs" c="dimmed">
          {percent}%
        </Text>
      </Group>
      <Progress value={percent} size={size === 'sm' ? 'sm' : 'lg'} color="teal" aria-label={label} />
    </Stack>
  );
}
