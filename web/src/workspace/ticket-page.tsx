import { Alert, Box, Breadcrumbs, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import type { Priority } from '../../../domain/tickets/priority.js';
import { isApiError } from '../api/client.js';
import { useCurrentUser } from '../api/use-session.js';
import { type MessageKind, useTicket, useUpdateTicket } from '../api/use-tickets.js';
import { AttachmentList } from '../components/attachment-list.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { GroupLabel } from '../components/level-badge.js';
import { MessageComposer } from '../components/message-composer.js';
import { QueryState } from '../components/query-states.js';
import { RichText } from '../components/rich-text.js';
import { RouterAnchor } from '../components/router-link.js';
import { PriorityBadge, TicketStatusBadge, TicketTypeBadge } from '../components/ticket-badges.js';
import { TicketTimeline } from '../components/ticket-timeline.js';
import { usePageShortcuts } from '../shell/shortcuts.js';
import { SatisfactionBox } from '../surveys/satisfaction-box.js';
import { EscalateModal, type EscalateMode } from './escalate-modal.js';
import { RequesterMailBounce } from './requester-mail-bounce.js';
import { SubjectEditor } from './subject-editor.js';
import { TicketKnownErrorsBox } from './ticket-known-errors-box.js';
import { TicketMailNotices } from './ticket-mail-notices.js';
import { TicketProblemBox } from './ticket-problem-box.js';
import { TicketProceduresBox } from './ticket-procedures-box.js';
import { type SaveTicket, TicketSidePanel } from './ticket-side-panel.js';
import { TicketSlaPanel } from './ticket-sla-panel.js';
import { TicketSupportPanel } from './ticket-support-panel.js';
import { WithheldFilesBox } from './withheld-files-box.js';

const isConflict = (error: unknown) => isApiError(error) && error.code === 'version_conflict';

/** One ticket at the desk: its fields at the side, the conversation and history, and the composer. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId } = useParams({ strict: false }) as { ticketId: string };
  const ticket = useTicket(ticketId);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <RouterAnchor to="/workspace/tickets" size="sm">
          {t('queue.title')}
        </RouterAnchor>
        <Text size="sm">{ticket.data?.number ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={ticket}>
        {(found) => <TicketWorkspace ticket={found} onReload={() => void ticket.refetch()} />}
      </QueryState>
    </Stack>
  );
}

function TicketWorkspace({ ticket, onReload }: { ticket: Ticket; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateTicket(ticket.id);
  const [conflict, setConflict] = useState(false);
  const [kind, setKind] = useState<MessageKind>('reply');
  const [moving, setMoving] = useState<EscalateMode | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  // Changes go one after another, each based on the version the previous one returned, so two
  // quick edits do not collide with each other; someone else's newer version still wins, and we say so.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const version = useRef(ticket.version);
  version.current = Math.max(version.current, ticket.version);
  const save: SaveTicket = (patch, onSaved) => {
    setConflict(false);
    queue.current = queue.current.then(() =>
      update
        .mutateAsync({ version: version.current, ...patch })
        .then((saved) => {
          version.current = saved.version;
          onSaved?.();
        })
        .catch((error: unknown) => {
          if (isConflict(error)) {
            setConflict(true);
            onReload();
          }
        }),
    );
  };

  const write = (next: MessageKind) => {
    setKind(next);
    // The same box serves both tabs: focus it now, so not a keystroke typed next is lost.
    textarea.current?.focus({ preventScroll: true });
    textarea.current?.scrollIntoView({ block: 'center' });
  };

  usePageShortcuts({
    r: () => write('reply'),
    n: () => write('note'),
    a: () => {
      if (ticket.assignee?.id === me.id) return;
      save(ticket.status === 'new' ? { assigneeId: me.id, status: 'assigned' } : { assigneeId: me.id });
    },
    e: () => setMoving('escalate'),
  });

  return (
    <>
      <Stack gap={6}>
        <Group gap="xs">
          <Text ff="monospace" size="sm" c="dimmed">
            {ticket.number}
          </Text>
          <TicketStatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority as Priority} overridden={ticket.priorityOverridden} />
          <TicketTypeBadge type={ticket.type} />
          <GroupLabel group={ticket.group} level={ticket.level} size="xs" />
        </Group>
        <SubjectEditor
          key={ticket.subject}
          subject={ticket.subject}
          saving={update.isPending}
          onSave={(subject, done) => save({ subject }, done)}
        />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('ticketPage.requesterLine', {
              name: ticket.requester.name,
              email: ticket.requester.email,
              organization: ticket.organization.name,
            })}
          </Text>
          <RequesterMailBounce userId={ticket.requester.id} />
        </Group>
      </Stack>
      {conflict ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('conflict.title')}
          withCloseButton
          onClose={() => setConflict(false)}
        >
          {t('conflict.ticket')}
        </Alert>
      ) : null}
      {update.error && !isConflict(update.error) ? <ErrorAlert error={update.error} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb={6} gap="xs">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('ticketPage.description')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`tickets.channels.${ticket.channel}`)} · <DateTime value={ticket.createdAt} />
                </Text>
              </Group>
              <RichText html={ticket.descriptionHtml} />
              {ticket.attachments.length > 0 ? (
                <Box mt="sm">
                  <AttachmentList attachments={ticket.attachments} />
                </Box>
              ) : null}
            </Paper>
            <WithheldFilesBox ticketId={ticket.id} />
            <section aria-labelledby="ticket-timeline">
              <Title order={3} size="h5" id="ticket-timeline" mb="xs">
                {t('timeline.title')}
              </Title>
              <TicketTimeline ticket={ticket} viewerId={me.id} />
            </section>
            <MessageComposer
              ticketId={ticket.id}
              kinds={['reply', 'note']}
              kind={kind}
              onKindChange={setKind}
              textareaRef={textarea}
              cannedResponses
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TicketSlaPanel ticket={ticket} />
            <SatisfactionBox ticketId={ticket.id} />
            <TicketSupportPanel ticket={ticket} onMove={setMoving} />
            <TicketSidePanel ticket={ticket} save={save} saving={update.isPending} error={update.error} />
            {ticket.type === 'incident' ? <TicketProblemBox ticket={ticket} /> : null}
            <TicketProceduresBox ticket={ticket} />
            {ticket.type === 'incident' ? <TicketKnownErrorsBox ticket={ticket} /> : null}
            <Paper withBorder radius="md" p="md">
              <TicketMailNotices ticketId={ticket.id} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <EscalateModal key={ticket.id} ticket={ticket} mode={moving} onClose={() => setMoving(null)} />
    </>
  );
}
