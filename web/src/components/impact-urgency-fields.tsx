import { type SegmentedControlProps, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { derivePriority, type Impact, type Urgency } from '../../../domain/tickets/priority.js';
import { useTicketSettings } from '../api/use-ticket-settings.js';
import { LevelInput } from './level-input.js';
import { PriorityBadge } from './ticket-badges.js';

/**
 * Impact and urgency of a ticket being raised, and the priority they give through the desk's
 * matrix (the one the server applies; the default matrix until it has loaded).
 */
export function ImpactUrgencyFields({
  impact,
  urgency,
  onImpactChange,
  onUrgencyChange,
  size,
  hint,
}: {
  impact: Impact;
  urgency: Urgency;
  onImpactChange: (impact: Impact) => void;
  onUrgencyChange: (urgency: Urgency) => void;
  size?: SegmentedControlProps['size'];
  /** A line under the priority (what it is used for, say). */
  hint?: string;
}) {
  const { t } = useTranslation();
  const settings = useTicketSettings();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <LevelInput kind="impact" size={size} value={impact} onChange={onImpactChange} />
      <LevelInput kind="urgency" size={size} value={urgency} onChange={onUrgencyChange} />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('newTicket.expectedPriority')}
        </Text>
        <div>
          <PriorityBadge priority={derivePriority(impact, urgency, settings.data?.priorityMatrix)} />
        </div>
        {hint ? (
          <Text size="xs" c="dimmed" mt={4}>
            {hint}
          </Text>
        ) : null}
      </div>
    </SimpleGrid>
  );
}
