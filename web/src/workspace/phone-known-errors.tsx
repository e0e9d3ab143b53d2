import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KnownError } from '../../../domain/contracts/problems.js';
import { useKnownErrors } from '../api/use-known-errors.js';
import { KnownErrorCard } from '../components/known-error-card.js';
import { QueryState } from '../components/query-states.js';

/**
 * Known errors that fit what the caller describes (the same text the procedures get), beside the
 * procedures. "Apply" chooses one; the call writes its public workaround into the resolution notes
 * and, once the ticket exists, applies it there as a reply (resolved or escalated alike), so the
 * requester has it in writing, the incident is linked and the use counted.
 */
export function PhoneKnownErrors({
  text,
  serviceId,
  chosenId,
  onChoose,
}: {
  text: string;
  serviceId: string | null;
  chosenId: string | null;
  onChoose: (knownError: KnownError) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useKnownErrors({ text: text || undefined, serviceId: serviceId ?? undefined, limit: 3 });
  const empty = (
    <Text size="sm" c="dimmed">
      {t('problems.desk.knownErrors.empty')}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="phone-known-errors">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="phone-known-errors">
        {t('problems.desk.knownErrors.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('problems.desk.knownErrors.phoneHint')}
      </Text>
      <QueryState query={suggestions} idle={empty} empty={empty}>
        {(found) => (
          <Stack gap="xs">
            {found.map((knownError) => {
              const chosen = knownError.id === chosenId;
              return (
                <KnownErrorCard
                  key={knownError.id}
                  knownError={knownError}
                  wording="public"
                  selected={chosen}
                  action={
                    <Button
                      size="compact-xs"
                      variant={chosen ? 'filled' : 'light'}
                      color={chosen ? 'teal.8' : 'teal'}
                      // White on teal.8 reads at 4.5:1; the theme's automatic pick chose dark words here.
                      autoContrast={!chosen}
                      aria-pressed={chosen}
                      onClick={() => onChoose(knownError)}
                    >
                      {chosen ? t('problems.desk.knownErrors.chosen') : t('problems.desk.knownErrors.apply')}
                    </Button>
                  }
                />
              );
            })}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
