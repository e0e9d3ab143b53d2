import { Button, Group, Paper, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RESOLUTION_CODES, type ResolutionCode } from '../../../domain/tickets/ticket-lifecycle.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';

/** How the call is to end, as the agent is writing it; the call holds it, so a used procedure can fill the notes. */
export interface EndingDraft {
  kind: 'resolve' | 'escalate';
  code: ResolutionCode;
  /** The resolution notes (resolve). */
  notes: string;
  /** The L2 group and the summary it gets (escalate). */
  groupId: string | null;
  summary: string;
}

export const NEW_ENDING: EndingDraft = { kind: 'resolve', code: 'solved', notes: '', groupId: null, summary: '' };

/**
 * The two ways a call ends, one at a time so the chosen one's button stays in sight: resolved
 * while on the line, or handed to an L2 group with a summary. Its fields report their errors
 * through `errorOf`, under the names the call's form checks them by.
 */
export function CallEndings({
  draft,
  onChange,
  busy,
  errorOf,
  onFinish,
}: {
  draft: EndingDraft;
  onChange: (change: Partial<EndingDraft>) => void;
  busy: boolean;
  errorOf: (field: 'resolutionNotes' | 'groupId' | 'summary') => string | undefined;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const targets = (groups.data ?? []).filter((g) => g.status === 'active' && g.level === 'L2');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('phone.endings')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('phone.endings')}
          fullWidth
          value={draft.kind}
          onChange={(value) => onChange({ kind: value as EndingDraft['kind'] })}
          data={[
            { value: 'resolve', label: t('phone.resolve.title') },
            { value: 'escalate', label: t('phone.escalate.title') },
          ]}
        />
        {draft.kind === 'resolve' ? (
          <>
            <Select
              label={t('phone.resolve.code')}
              data={RESOLUTION_CODES.map((value) => ({ value, label: t(`tickets.resolutionCodes.${value}`) }))}
              value={draft.code}
              allowDeselect={false}
              onChange={(value) => value && onChange({ code: value as ResolutionCode })}
            />
            <Textarea
              label={t('phone.resolve.notes')}
              placeholder={t('phone.resolve.notesPlaceholder')}
              required
              autosize
              minRows={3}
              maxRows={6}
              value={draft.notes}
              onChange={(event) => onChange({ notes: event.currentTarget.value })}
              error={errorOf('resolutionNotes')}
            />
            <Group justify="flex-end">
              <Button color="teal.8" loading={busy} onClick={onFinish}>
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
              value={draft.groupId}
              onChange={(groupId) => onChange({ groupId })}
              searchable
              nothingFoundMessage={t('support.escalate.noTargets')}
              error={errorOf('groupId')}
            />
            <Textarea
              label={t('phone.escalate.summary')}
              description={t('support.escalate.summaryHint')}
              autosize
              minRows={3}
              maxRows={6}
              value={draft.summary}
              onChange={(event) => onChange({ summary: event.currentTarget.value })}
              error={errorOf('summary')}
            />
            <Group justify="flex-end">
              <Button color="violet.8" loading={busy} onClick={onFinish}>
                {t('phone.escalate.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
