import { Button, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group as SupportGroup } from '../../../domain/contracts/support.js';
import { RESOLUTION_CODES, type ResolutionCode } from '../../../domain/tickets/ticket-lifecycle.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';

export type Ending =
  | { kind: 'resolve'; code: ResolutionCode; notes: string }
  | { kind: 'escalate'; group: SupportGroup | null; summary: string };

/** The two ways a call ends: resolved while on the line, or handed to an L2 group with a summary. */
export function CallEndings({
  busy,
  issues,
  onFinish,
}: {
  busy: boolean;
  issues: { notes?: string; group?: string; summary?: string };
  onFinish: (ending: Ending) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [code, setCode] = useState<ResolutionCode>('solved');
  const [notes, setNotes] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const targets = (groups.data ?? []).filter((g) => g.status === 'active' && g.level === 'L2');
  const group = targets.find((g) => g.id === groupId) ?? null;
  return (
    <Stack gap="xs">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('phone.endings')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
          <Stack gap="sm">
            <Text fw={600}>{t('phone.resolve.title')}</Text>
            <Select
              label={t('phone.resolve.code')}
              data={RESOLUTION_CODES.map((value) => ({ value, label: t(`tickets.resolutionCodes.${value}`) }))}
              value={code}
              allowDeselect={false}
              onChange={(value) => value && setCode(value as ResolutionCode)}
            />
            <Textarea
              label={t('phone.resolve.notes')}
              placeholder={t('phone.resolve.notesPlaceholder')}
              required
              autosize
              minRows={2}
              maxRows={8}
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
              error={issues.notes}
            />
            <Button color="teal" loading={busy} onClick={() => onFinish({ kind: 'resolve', code, notes })}>
              {t('phone.resolve.submit')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" style={{ borderColor: 'var(--mantine-color-violet-4)' }}>
          <Stack gap="sm">
            <Text fw={600}>{t('phone.escalate.title')}</Text>
            <Select
              label={t('phone.escalate.group')}
              placeholder={t('support.escalate.targetPlaceholder')}
              data={targets.map((g) => ({ value: g.id, label: groupOptionLabel(g) }))}
              value={groupId}
              onChange={setGroupId}
              searchable
              nothingFoundMessage={t('support.escalate.noTargets')}
              error={issues.group}
            />
            <Textarea
              label={t('phone.escalate.summary')}
              description={t('support.escalate.summaryHint')}
              autosize
              minRows={2}
              maxRows={8}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              error={issues.summary}
            />
            <Button color="violet" loading={busy} onClick={() => onFinish({ kind: 'escalate', group, summary })}>
              {t('phone.escalate.submit')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
