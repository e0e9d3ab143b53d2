import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/language-switch.js';

/**
 * The frame of the signed-out pages (signing in, recovering a password, answering a survey by its
 * link): Mesa's name, the language, one card (wider for a questionnaire), and an optional line under it.
 */
export function AuthFrame({ children, footer, wide }: { children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Stack w="100%" maw={wide ? 680 : 400} gap="lg">
        <Group justify="space-between">
          <Title order={1} c="blue.8">
            Mesa
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          {children}
        </Paper>
        {footer}
      </Stack>
    </Center>
  );
}

/** A card's heading on the signed-out pages, with the sentence that says what to do. */
export function AuthHeading({ title, intro }: { title: string; intro?: string }) {
  return (
    <div>
      <Title order={2} size="h3">
        {title}
      </Title>
      {intro ? (
        <Text c="dimmed" size="sm">
          {intro}
        </Text>
      ) : null}
    </div>
  );
}
