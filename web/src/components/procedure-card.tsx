import { Anchor, Badge, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/contracts/procedures.js';

/**
 * One procedure in a list of suggestions: title, summary, why it was suggested, its steps on
 * demand, and the caller's action (apply, use) on the right.
 */
export function ProcedureCard({
  procedure,
  reasons = [],
  action,
  selected = false,
  stepsOpen = false,
}: {
  procedure: Procedure;
  reasons?: readonly string[];
  action?: ReactNode;
  selected?: boolean;
  stepsOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(stepsOpen);
  const known = reasons.filter((r): r is 'category' | 'service' | 'text' =>
    ['category', 'service', 'text'].includes(r),
  );
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      bg={selected ? 'teal.0' : undefined}
      style={selected ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}
      aria-label={procedure.title}
      data-procedure={procedure.id}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {procedure.title}
            </Text>
            {procedure.summary ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {procedure.summary}
              </Text>
            ) : null}
          </div>
          {action ? <div style={{ flexShrink: 0 }}>{action}</div> : null}
        </Group>
        <Group gap={6}>
          <Badge size="xs" variant="light" color="gray">
            {t(`procedures.audiences.${procedure.audience}`)}
          </Badge>
          {procedure.specialty ? (
            <Badge size="xs" variant="light" color="violet">
              {procedure.specialty}
            </Badge>
          ) : null}
          {known.length > 0 ? (
            <Text size="xs" c="dimmed">
              {known.map((r) => t(`procedures.reasons.${r}`)).join(' · ')}
            </Text>
          ) : null}
          <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('procedures.box.hideSteps') : t('procedures.box.showSteps')}
          </Anchor>
        </Group>
        <Collapse expanded={open}>
          <List type="ordered" size="sm" spacing={2} pl="xs">
            {procedure.steps.map((step, index) => (
              // Steps are plain text in order; the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id of their own
              <List.Item key={index}>{step}</List.Item>
            ))}
          </List>
        </Collapse>
      </Stack>
    </Paper>
  );
}
