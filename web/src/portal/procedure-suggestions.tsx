import { Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSuggestions } from '../api/use-procedures.js';
import { ProcedureCard } from '../components/procedure-card.js';

/**
 * Published requester-facing procedures that fit what is being typed, shown before the ticket is
 * sent: the requester may solve it alone. Silent while there is nothing to suggest.
 */
export function ProcedureSuggestions({
  subject,
  serviceId,
  categoryId,
}: {
  subject: string;
  serviceId: string | null;
  categoryId: string | null;
}) {
  const { t } = useTranslation();
  const [text] = useDebouncedValue(subject.trim(), 400);
  const suggestions = useSuggestions(
    { text, serviceId: serviceId ?? undefined, categoryId: categoryId ?? undefined, audience: 'requesters', limit: 3 },
    { enabled: text.length >= 3 },
  );
  const items = text.length >= 3 ? (suggestions.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="blue.0"
      component="section"
      aria-labelledby="portal-suggestions"
      aria-live="polite"
    >
      <Stack gap="xs">
        <Text size="sm" fw={600} id="portal-suggestions">
          {t('procedures.portalHint')}
        </Text>
        {items.map(({ procedure }) => (
          <ProcedureCard key={procedure.id} procedure={procedure} />
        ))}
      </Stack>
    </Paper>
  );
}
