import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITY_NAMES } from '../../../../domain/tickets/priority.js';
import { type AgreementDraft, PROBLEM_PRIORITIES } from './agreement-form.js';
import { MinutesInput } from './minutes-input.js';

/**
 * Problem reports: the resolution time of a problem of each priority, in business minutes on the
 * agreement's calendar. Empty: problems of that priority have no deadline under this agreement.
 */
export function ProblemTargetsField({
  value,
  onChange,
  errorAt,
}: {
  value: AgreementDraft['problemMinutes'];
  onChange: (value: AgreementDraft['problemMinutes']) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed" mt={-8}>
        {t('slaAdmin.agreements.problemHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {PROBLEM_PRIORITIES.map((priority) => (
          <MinutesInput
            key={priority}
            label={t('slaAdmin.agreements.problemResolution', {
              priority: `P${priority} ${t(`tickets.priorities.${PRIORITY_NAMES[priority]}`)}`,
            })}
            placeholder={t('slaAdmin.agreements.noOla')}
            value={value[priority]}
            onChange={(minutes) => onChange({ ...value, [priority]: minutes })}
            error={errorAt(`problemMinutes.${priority}`)}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
