import { Center, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/language-switch.js';

/** The frame of the signed-out pages (recovering a password): Mesa's name, the language, one card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Stack w="100%" maw={400} gap="lg">
        <Group justify="space-between">
          <Title order={1} c="blue.8">
            Mesa
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
