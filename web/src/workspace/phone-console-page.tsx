import { Alert, Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/contracts/users.js';
import { TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { useApplyProcedure, useSuggestions } from '../api/use-procedures.js';
import { useEscalate } from '../api/use-support.js';
import { useCreateTicket } from '../api/use-tickets.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { ProcedureCard } from '../components/procedure-card.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { ServiceCategoryFields } from '../components/service-category-fields.js';
import { textToHtml } from '../components/text-to-html.js';
import { useErrorText } from '../i18n/error-messages.js';
import { usePageShortcuts } from '../shell/shortcuts.js';
import { CallEndings, type Ending } from './call-endings.js';
import { CallTimer } from './call-timer.js';
import { CallerSearch } from './caller-search.js';

interface Outcome {
  ticketId: string;
  number: string;
  /** The group it went to; absent when resolved on first contact. */
  group?: string;
  /** The ticket exists but a follow-up step (escalating, recording the procedure) failed. */
  error?: unknown;
}

/**
 * The L1 desk's screen for a call in progress: who calls, what about, the procedures that fit as
 * the agent types, and two endings — resolved on first contact, or created and escalated to L2.
 * After either, the ticket number stays on screen and the form is ready for the next call.
 */
export function PhoneConsolePage() {
  const { t } = useTranslation();
  const [call, setCall] = useState(() => ({ id: 0, startedAt: Date.now() }));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nextCall = () => setCall((c) => ({ id: c.id + 1, startedAt: Date.now() }));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('phone.title')}
        description={t('phone.description')}
        actions={
          <>
            <Paper withBorder radius="md" px="sm" py={4}>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('phone.call')}
                </Text>
                <CallTimer startedAt={call.startedAt} />
              </Group>
            </Paper>
            <Button variant="default" onClick={nextCall}>
              {t('phone.newCall')}
            </Button>
          </>
        }
      />
      {outcome ? (
        <Alert
          color={outcome.error ? 'yellow' : 'teal'}
          variant="light"
          withCloseButton
          onClose={() => setOutcome(null)}
          role="status"
          title={
            outcome.error
              ? t('phone.createdNotEscalated', { number: outcome.number })
              : outcome.group
                ? t('phone.escalatedDone', { number: outcome.number, group: outcome.group })
                : t('phone.resolvedDone', { number: outcome.number })
          }
        >
          {outcome.error ? <ErrorAlert error={outcome.error} /> : null}
          <RouterAnchor to="/workspace/tickets/$ticketId" params={{ ticketId: outcome.ticketId }} size="sm">
            {t('phone.open')}
          </RouterAnchor>
        </Alert>
      ) : null}
      <PhoneCall
        key={call.id}
        onNewCall={nextCall}
        onDone={(result) => {
          setOutcome(result);
          nextCall();
        }}
      />
    </Stack>
  );
}

type Issues = Partial<Record<'caller' | 'subject' | 'notes' | 'group' | 'summary', string>>;

function PhoneCall({ onDone, onNewCall }: { onDone: (outcome: Outcome) => void; onNewCall: () => void }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const callerInput = useRef<HTMLInputElement>(null);
  const subjectInput = useRef<HTMLInputElement>(null);
  const [caller, setCaller] = useState<User | null>(null);
  const [type, setType] = useState<TicketType>('incident');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const create = useCreateTicket();
  const apply = useApplyProcedure();
  const escalate = useEscalate();
  const busy = create.isPending || apply.isPending || escalate.isPending;
  // Each call starts at "who is calling": the agent types the name straight away.
  useEffect(() => callerInput.current?.focus(), []);
  // `n` starts the clock for a new call, but never throws away one being written.
  usePageShortcuts({
    n: () => {
      if (!caller && !subject.trim() && !notes.trim()) onNewCall();
    },
  });

  const [text] = useDebouncedValue(`${subject} ${notes}`.trim(), 350);
  const suggestions = useSuggestions({
    text: text || undefined,
    serviceId: serviceId ?? undefined,
    categoryId: categoryId ?? undefined,
    limit: 5,
  });

  const finish = async (ending: Ending) => {
    const next: Issues = {
      caller: caller ? undefined : t('phone.needCaller'),
      subject: subject.trim() ? undefined : t('phone.needSubject'),
    };
    if (ending.kind === 'resolve' && !ending.notes.trim()) next.notes = t('phone.needNotes');
    if (ending.kind === 'escalate') {
      if (!ending.group) next.group = t('support.escalate.targetRequired');
      if (ending.summary.trim().length < 10) next.summary = t('support.escalate.summaryTooShort');
    }
    setIssues(next);
    if (Object.values(next).some(Boolean) || !caller) {
      if (next.caller) callerInput.current?.focus();
      return;
    }
    const ticket = await create
      .mutateAsync({
        requesterId: caller.id,
        type,
        channel: 'phone',
        serviceId,
        categoryId,
        subject: subject.trim(),
        description: textToHtml(notes.trim() || subject.trim()),
        ...(ending.kind === 'resolve'
          ? { firstContactResolution: { resolutionCode: ending.code, resolutionNotes: ending.notes.trim() } }
          : {}),
      })
      .catch(() => null);
    if (!ticket) return;
    try {
      if (procedureId) await apply.mutateAsync({ ticketId: ticket.id, procedureId });
      if (ending.kind === 'escalate' && ending.group) {
        await escalate.mutateAsync({ ticketId: ticket.id, toGroupId: ending.group.id, summary: ending.summary.trim() });
        onDone({ ticketId: ticket.id, number: ticket.number, group: ending.group.name });
      } else {
        onDone({ ticketId: ticket.id, number: ticket.number });
      }
    } catch (error) {
      onDone({ ticketId: ticket.id, number: ticket.number, error });
    }
  };

  const handleSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="md" component="form" onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <ErrorAlert
              error={create.error}
              fields={['requesterId', 'subject', 'serviceId', 'categoryId', 'resolutionNotes']}
            />
            <CallerSearch
              caller={caller}
              inputRef={callerInput}
              error={issues.caller ?? field(create.error, 'requesterId')}
              onChange={(next) => {
                setCaller(next);
                setServiceId(null);
                setCategoryId(null);
                setIssues((p) => ({ ...p, caller: undefined }));
                // Picked: on to what the call is about; cleared: back to the search.
                window.setTimeout(() => (next ? subjectInput : callerInput).current?.focus(), 0);
              }}
            />
            <TextInput
              ref={subjectInput}
              label={t('tickets.fields.subject')}
              required
              maxLength={200}
              value={subject}
              onChange={(event) => {
                setSubject(event.currentTarget.value);
                setIssues((p) => ({ ...p, subject: undefined }));
              }}
              error={issues.subject ?? field(create.error, 'subject')}
            />
            <SegmentedControl
              aria-label={t('tickets.fields.type')}
              fullWidth
              value={type}
              onChange={(value) => setType(value as TicketType)}
              data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
            />
            <Group grow align="flex-start" gap="sm">
              <ServiceCategoryFields
                organizationId={caller?.organizationId}
                serviceId={serviceId}
                categoryId={categoryId}
                onServiceChange={setServiceId}
                onCategoryChange={setCategoryId}
                errors={{ serviceId: field(create.error, 'serviceId'), categoryId: field(create.error, 'categoryId') }}
                selectFirstOption
              />
            </Group>
            <Textarea
              label={t('phone.notes')}
              placeholder={t('phone.notesPlaceholder')}
              autosize
              minRows={4}
              maxRows={12}
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
            />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="phone-suggestions">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="phone-suggestions">
            {t('phone.suggestions')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('phone.suggestionsHint')}
          </Text>
          <QueryState query={suggestions} idle={<NoSuggestions />} empty={<NoSuggestions />}>
            {(found) => (
              <Stack gap="xs">
                {found.map(({ procedure, reasons }) => (
                  <ProcedureCard
                    key={procedure.id}
                    procedure={procedure}
                    reasons={reasons}
                    selected={procedure.id === procedureId}
                    action={
                      <Button
                        size="compact-xs"
                        variant={procedure.id === procedureId ? 'filled' : 'light'}
                        color="teal"
                        aria-pressed={procedure.id === procedureId}
                        onClick={() => setProcedureId((id) => (id === procedure.id ? null : procedure.id))}
                      >
                        {procedure.id === procedureId ? t('phone.chosen') : t('phone.use')}
                      </Button>
                    }
                  />
                ))}
              </Stack>
            )}
          </QueryState>
        </Paper>
      </Grid.Col>
      <Grid.Col span={12}>
        <CallEndings busy={busy} issues={issues} onFinish={finish} />
      </Grid.Col>
    </Grid>
  );
}

function NoSuggestions() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('phone.noSuggestions')}
    </Text>
  );
}
