import { Button, Group, Paper, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group as SupportGroup } from '../../../domain/contracts/support.js';
import { RESOLUTION_CODES, type ResolutionCode } from '../../../domain/tickets/ticket-lifecycle.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';

export type Ending =
  | { kind: 'resolve'; code: ResolutionCode; notes: string }
  | { kind: 'escalate'; group: SupportGroup | null; summary: string };

/**
 * The two ways a call ends, one at a time so the chosen one's button stays in sight: resolved
 * while on the line (the notes a used procedure fills in, held by the call), or handed to an L2
 * group with a summary.
 */
export function CallEndings({
  busy,
  issues,
  notes,
  onNotesChange,
  onFinish,
}: {
  busy: boolean;
  issues: { notes?: string | undefined; group?: string | undefined; summary?: string | undefined };
  notes: string;
  onNotesChange: (notes: string) => void;
  onFinish: (ending: Ending) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [kind, setKind] = useState<Ending['kind']>('resolve');
  const [code, setCode] = useState<ResolutionCode>('solved');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const targets = (groups.data ?? []).filter((g) => g.status === 'active' && g.level === 'L2');
  const group = targets.find((g) => g.id === groupId) ?? null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('phone.endings')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('phone.endings')}
          fullWidth
          value={kind}
          onChange={(value) => setKind(value as Ending['kind'])}
          data={[
            { value: 'resolve', label: t('phone.resolve.title') },
            { value: 'escalate', label: t('phone.escalate.title') },
          ]}
        />
        {kind === 'resolve' ? (
          <>
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
              minRows={3}
              maxRows={6}
              value={notes}
              onChange={(event) => onNotesChange(event.currentTarget.value)}
              error={issues.notes}
            />
            <Group justify="flex-end">
              <Button color="teal.8" loading={busy} onClick={() => onFinish({ kind: 'resolve', code, notes })}>
                {t('phone.resolve.submit')}
              </Button>
            </Group>
          </>
        ) : (
          <>
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
              minRows={3}
              maxRows={6}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              error={issues.summary}
            />
            <Group justify="flex-end">
              <Button color="violet.8" loading={busy} onClick={() => onFinish({ kind: 'escalate', group, summary })}>
                {t('phone.escalate.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
