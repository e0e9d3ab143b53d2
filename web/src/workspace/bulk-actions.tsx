import { ActionBar, Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkUpdateBody, BulkUpdateResult, TicketSummary } from '../../../domain/contracts/tickets.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { PRIORITIES, PRIORITY_NAMES, type Priority } from '../../../domain/tickets/priority.js';
import { PENDING_REASONS, type PendingReason, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { useCurrentUser } from '../api/use-session.js';
import { useBulkUpdateTickets } from '../api/use-tickets.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { UserSelect } from '../components/user-select.js';
import { BulkLinkProblem } from './bulk-link-problem.js';

type Mode = 'assign' | 'status' | 'priority';
type Changes = BulkUpdateBody['changes'];
/** A bulk change's result; a link to a problem, all or none, says so in its own title. */
export type BulkOutcome = BulkUpdateResult & { title?: string };

/** The statuses a bulk change can set: a resolution needs notes per ticket, so it is not offered here. */
const BULK_STATUSES: TicketStatus[] = ['in_progress', 'pending', 'cancelled'];
const ASSIGNEE_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** The bar that appears while tickets are ticked: assign, set status or priority on all of them at once. */
export function BulkActions({
  selected,
  onClear,
  onDone,
}: {
  selected: readonly TicketSummary[];
  onClear: () => void;
  /** The result, ticket by ticket; the page keeps the failed ones ticked. */
  onDone: (result: BulkOutcome) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const bulk = useBulkUpdateTickets();
  const [mode, setMode] = useState<Mode | null>(null);
  const [linking, setLinking] = useState(false);

  const apply = (changes: Changes) =>
    bulk.mutate(
      { ticketIds: selected.map((ticket) => ticket.id), changes },
      {
        onSuccess: (result) => {
          setMode(null);
          onDone(result);
        },
      },
    );

  return (
    <>
      <ActionBar
        opened={selected.length > 0}
        onClose={onClear}
        aria-label={t('bulk.label')}
        shadow="lg"
        withBorder
        maw="calc(100vw - 32px)"
      >
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} px="xs">
            {t('bulk.selected', { count: selected.length })}
          </Text>
          <ActionBar.Divider />
          <Button
            size="compact-sm"
            variant="light"
            loading={bulk.isPending && mode === null}
            onClick={() => apply({ assigneeId: me.id })}
          >
            {t('bulk.assignToMe')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setMode('assign')}>
            {t('bulk.assignTo')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setMode('status')}>
            {t('bulk.setStatus')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setMode('priority')}>
            {t('bulk.setPriority')}
          </Button>
          {rolesGrant(me.roles, 'problems.work') ? (
            <Button size="compact-sm" variant="subtle" onClick={() => setLinking(true)}>
              {t('problems.desk.bulk.action')}
            </Button>
          ) : null}
          <ActionBar.CloseButton aria-label={t('bulk.clear')} />
        </Group>
      </ActionBar>
      {mode === null && bulk.error ? <ErrorAlert error={bulk.error} /> : null}
      <BulkLinkProblem
        opened={linking}
        selected={selected}
        onClose={() => setLinking(false)}
        onLinked={(problem) =>
          onDone({
            items: selected.map((ticket) => ({ ticketId: ticket.id, ok: true, error: null })),
            title: t('problems.desk.bulk.done', { count: selected.length, number: problem.number }),
          })
        }
      />
      <BulkModal
        mode={mode}
        count={selected.length}
        loading={bulk.isPending}
        error={bulk.error}
        onApply={apply}
        onClose={() => {
          bulk.reset();
          setMode(null);
        }}
      />
    </>
  );
}

function BulkModal({
  mode,
  count,
  loading,
  error,
  onApply,
  onClose,
}: {
  mode: Mode | null;
  count: number;
  loading: boolean;
  error: unknown;
  onApply: (changes: Changes) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [pendingReason, setPendingReason] = useState<PendingReason | null>(null);
  const [priority, setPriority] = useState<Priority | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const complete =
    mode === 'assign'
      ? assigneeId !== null
      : mode === 'status'
        ? status !== null && (status !== 'pending' || pendingReason !== null)
        : priority !== null && reason.trim() !== '';

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!complete);
    if (!complete) return;
    if (mode === 'assign') onApply({ assigneeId });
    else if (mode === 'status' && status)
      onApply(status === 'pending' && pendingReason ? { status, pendingReason } : { status });
    else if (mode === 'priority' && priority) onApply({ priority, priorityReason: reason.trim() });
  };

  const close = () => {
    setMissing(false);
    onClose();
  };

  return (
    <Modal opened={mode !== null} onClose={close} title={mode ? t(`bulk.titles.${mode}`, { count }) : ''} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {mode === 'assign' ? (
            <UserSelect
              label={t('tickets.fields.assignee')}
              roles={ASSIGNEE_ROLES}
              value={assigneeId}
              onChange={(id) => setAssigneeId(id)}
              error={missing && !assigneeId ? t('errors.fields.required') : undefined}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
          ) : null}
          {mode === 'status' ? (
            <>
              <Select
                label={t('tickets.fields.status')}
                data={BULK_STATUSES.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
                value={status}
                onChange={(value) => setStatus(value as TicketStatus | null)}
                error={missing && !status ? t('errors.fields.required') : undefined}
                data-autofocus
              />
              {status === 'pending' ? (
                <Select
                  label={t('tickets.fields.pendingReason')}
                  data={PENDING_REASONS.map((r) => ({ value: r, label: t(`tickets.pendingReasons.${r}`) }))}
                  value={pendingReason}
                  onChange={(value) => setPendingReason(value as PendingReason | null)}
                  error={missing && !pendingReason ? t('errors.fields.required') : undefined}
                />
              ) : null}
              <Text size="xs" c="dimmed">
                {t('bulk.statusHint')}
              </Text>
            </>
          ) : null}
          {mode === 'priority' ? (
            <>
              <Select
                label={t('tickets.fields.priority')}
                data={PRIORITIES.map((p) => ({
                  value: String(p),
                  label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
                }))}
                value={priority ? String(priority) : null}
                onChange={(value) => setPriority(value ? (Number(value) as Priority) : null)}
                error={missing && !priority ? t('errors.fields.required') : undefined}
                data-autofocus
              />
              <TextInput
                label={t('tickets.fields.priorityReason')}
                required
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={missing && !reason.trim() ? t('errors.fields.required') : undefined}
              />
            </>
          ) : null}
          <ModalFooter submitLabel={t('bulk.apply', { count })} onCancel={close} loading={loading} />
        </Stack>
      </form>
    </Modal>
  );
}

/** What a bulk change did: how many changed, and for each one that did not, which and why. */
export function BulkResult({
  result,
  tickets,
  onClose,
}: {
  result: BulkOutcome;
  tickets: readonly TicketSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const failed = result.items.filter((item) => !item.ok);
  const changed = result.items.length - failed.length;
  const numberOf = (id: string) => tickets.find((ticket) => ticket.id === id)?.number ?? id;
  return (
    <Alert
      color={failed.length ? 'orange' : 'teal'}
      variant="light"
      mb="md"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      title={result.title ?? t('bulk.changed', { count: changed })}
      role="status"
    >
      {failed.length > 0 ? (
        <>
          <Text size="sm">{t('bulk.failed', { count: failed.length })}</Text>
          <List size="sm" mt={4}>
            {failed.map((item) => (
              <List.Item key={item.ticketId}>
                <Text span ff="monospace" size="sm">
                  {numberOf(item.ticketId)}
                </Text>
                {`: ${item.error?.detail || item.error?.code || t('errors.unexpected')}`}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
}
