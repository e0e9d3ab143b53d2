import { Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group as SupportGroup } from '../../../domain/contracts/support.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { escalationKind, type SupportLevel } from '../../../domain/support/support-levels.js';
import { useEscalate, useGroups } from '../api/use-support.js';
import { ErrorAlert } from '../components/error-alert.js';
import { groupOptionLabel, memberOptions } from '../components/group-options.js';
import { LevelBadge } from '../components/level-badge.js';
import { ModalFooter } from '../components/modal-footer.js';
import { useFormErrors } from '../components/use-form-errors.js';

export type EscalateMode = 'escalate' | 'return';

const MIN_SUMMARY = 10;

/**
 * Moves a ticket to another group with a handoff summary: up a level (escalation), back to L1
 * (return) or across specialties (transfer). Optionally straight to one member of that group.
 */
export function EscalateModal({
  ticket,
  mode,
  onClose,
}: {
  ticket: Ticket;
  mode: EscalateMode | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const escalate = useEscalate();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');

  const targets = (groups.data ?? []).filter(
    (g) => g.status === 'active' && g.id !== ticket.group?.id && (mode !== 'return' || g.level === 'L1'),
  );
  const target = targets.find((g) => g.id === groupId);
  const kind = target ? escalationKind(ticket.level, target.level) : 'escalation';
  const form = useFormErrors({
    values: { toGroupId: groupId, summary, assigneeId },
    validate: (draft): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (!targets.some((g) => g.id === draft.toGroupId)) issues.toGroupId = t('support.escalate.targetRequired');
      if (draft.summary.trim().length < MIN_SUMMARY) issues.summary = t('support.escalate.summaryTooShort');
      return issues;
    },
    serverError: escalate.error,
  });

  const close = () => {
    setGroupId(null);
    setAssigneeId(null);
    setSummary('');
    form.reset();
    escalate.reset();
    onClose();
  };

  const send = () => {
    if (!target) return;
    escalate.mutate(
      { ticketId: ticket.id, toGroupId: target.id, summary: summary.trim(), assigneeId },
      { onSuccess: close },
    );
  };

  return (
    <Modal
      opened={mode !== null}
      onClose={close}
      title={t(mode === 'return' ? 'support.escalate.returnTitle' : 'support.escalate.title', {
        number: ticket.number,
      })}
      centered
      size="lg"
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          {ticket.group && ticket.level ? (
            <Text size="sm" c="dimmed">
              {t('support.escalate.current', { group: ticket.group.name, level: ticket.level })}
            </Text>
          ) : null}
          <ErrorAlert error={escalate.error} fields={['toGroupId', 'summary', 'assigneeId']} />
          <Select
            label={t('support.escalate.target')}
            placeholder={t('support.escalate.targetPlaceholder')}
            required
            searchable
            data={targets.map((g) => ({ value: g.id, label: groupOptionLabel(g) }))}
            renderOption={({ option }) => {
              const group = targets.find((g) => g.id === option.value);
              return group ? <GroupOption group={group} /> : option.label;
            }}
            nothingFoundMessage={t('support.escalate.noTargets')}
            value={groupId}
            onChange={(id) => {
              setGroupId(id);
              setAssigneeId(null);
            }}
            error={form.errorOf('toGroupId')}
            data-autofocus
          />
          <Textarea
            label={t('support.escalate.summary')}
            description={t('support.escalate.summaryHint')}
            required
            autosize
            minRows={4}
            maxRows={12}
            maxLength={5000}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={form.errorOf('summary')}
          />
          <Select
            label={t('support.escalate.assignee')}
            placeholder={t('support.escalate.assigneePlaceholder')}
            disabled={!target}
            clearable
            searchable
            data={memberOptions(target, t('support.escalate.away'))}
            value={assigneeId}
            onChange={setAssigneeId}
            error={form.errorOf('assigneeId')}
          />
          <ModalFooter
            submitLabel={t(`support.escalate.kinds.${kind}`)}
            onCancel={close}
            loading={escalate.isPending}
            color={kind === 'return' ? 'teal' : 'violet'}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function GroupOption({ group }: { group: SupportGroup }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <LevelBadge level={group.level as SupportLevel} size="sm" />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {group.name}
          </Text>
          {group.specialty ? (
            <Text size="xs" c="dimmed" truncate>
              {group.specialty}
            </Text>
          ) : null}
        </div>
      </Group>
      <Text size="xs" style={{ whiteSpace: 'nowrap', opacity: 0.7 }}>
        {t('support.escalate.members', { count: group.members.length })}
      </Text>
    </Group>
  );
}
