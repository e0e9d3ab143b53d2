import { Flex, Radio, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketType } from '../../../domain/tickets/ticket-types.js';
import { AlertIcon, GiftIcon, QuestionIcon } from '../components/icons.js';

const CHOICES: { type: TicketType; icon: ReactNode; color: string }[] = [
  { type: 'incident', icon: <AlertIcon size={20} />, color: 'red' },
  { type: 'request', icon: <GiftIcon size={20} />, color: 'grape' },
  { type: 'query', icon: <QuestionIcon size={20} />, color: 'blue' },
];

/** The kind of case, in the requester's words: three big choices rather than ITIL terms. */
export function TicketTypeChoice({
  value,
  onChange,
  error,
}: {
  value: TicketType | null;
  onChange: (type: TicketType) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      value={value}
      onChange={(type) => onChange(type as TicketType)}
      label={t('portalForm.typeLabel')}
      error={error}
      required
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt={6}>
        {CHOICES.map((choice, index) => (
          <Radio.Card
            key={choice.type}
            value={choice.type}
            // Marks the choice as the field to bring into view when the form is sent without it.
            aria-invalid={error && index === 0 ? true : undefined}
            radius="md"
            p="md"
            pos="relative"
            withBorder
            style={{ display: 'flex', alignItems: 'flex-start', textAlign: 'start' }}
          >
            {/* A row on a phone; a column where three cards share the width. */}
            <Flex direction={{ base: 'row', sm: 'column' }} align="flex-start" gap="sm" pr={{ base: 28, sm: 0 }}>
              <ThemeIcon variant="light" color={choice.color} size={36} radius="xl">
                {choice.icon}
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1 }}>
                <Text fw={600}>{t(`portalForm.types.${choice.type}.title`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`portalForm.types.${choice.type}.hint`)}
                </Text>
              </Stack>
            </Flex>
            <Radio.Indicator pos="absolute" top={12} right={12} />
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
