import { Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownError } from '../../../domain/contracts/problems.js';
import type { Procedure } from '../../../domain/contracts/procedures.js';
import type { User } from '../../../domain/contracts/users.js';
import { rolesGrant } from '../../../domain/permissions.js';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import { TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { useCategories } from '../api/use-categories.js';
import { useApplyWorkaround } from '../api/use-known-errors.js';
import { useServices } from '../api/use-organizations.js';
import { useApplyProcedure, useSuggestions } from '../api/use-procedures.js';
import { useServiceSuggestion } from '../api/use-service-suggestion.js';
import { useCurrentUser } from '../api/use-session.js';
import { useEscalate, useGroups } from '../api/use-support.js';
import { useCreateTicket } from '../api/use-tickets.js';
import { htmlToText } from '../components/canned-response-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ImpactUrgencyFields } from '../components/impact-urgency-fields.js';
import { ProcedureCard } from '../components/procedure-card.js';
import { QueryState } from '../components/query-states.js';
import { ServiceCategoryFields } from '../components/service-category-fields.js';
import { textToHtml } from '../components/text-to-html.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { CallEndings, type EndingDraft, NEW_ENDING } from './call-endings.js';
import { CallerSearch } from './caller-search.js';
import { PhoneKnownErrors } from './phone-known-errors.js';
import { notesFromProcedure, scopeFromProcedure } from './procedure-use.js';

export interface Outcome {
  ticketId: string;
  number: string;
  /** The group it went to; absent when resolved on first contact. */
  group?: string;
  /** The ticket exists but a follow-up step (escalating, recording the procedure) failed. */
  error?: unknown;
}

const FIELDS = ['requesterId', 'subject', 'serviceId', 'categoryId', 'impact', 'urgency', 'resolutionNotes'];

/**
 * One call being written: who calls (their usual service and category filled in from their recent
 * tickets), what about, how much it hurts, the procedures that fit, and how it ends. Picking the
 * caller starts the call's clock (`onStart`); `onDone` comes once its ticket exists.
 */
export function PhoneCall({ onStart, onDone }: { onStart: () => void; onDone: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const callerInput = useRef<HTMLInputElement>(null);
  const subjectInput = useRef<HTMLInputElement>(null);
  const [caller, setCaller] = useState<User | null>(null);
  const [type, setType] = useState<TicketType>('incident');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const [ending, setEnding] = useState<EndingDraft>(NEW_ENDING);
  const changeEnding = (change: Partial<EndingDraft>) =>
    setEnding((current) => {
      const next = { ...current, ...change };
      // Escalating starts the specialist's summary from the call notes: what was reported and tried.
      if (change.kind === 'escalate' && !current.summary.trim()) next.summary = notes.trim();
      return next;
    });
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [knownError, setKnownError] = useState<KnownError | null>(null);
  const create = useCreateTicket();
  const apply = useApplyProcedure();
  const applyWorkaround = useApplyWorkaround();
  const escalate = useEscalate();
  const groups = useGroups();
  // Both columns are one form: the checks and the server's answer name the caller, the subject and
  // the ending's fields alike, and the first one wrong is the one focused.
  const form = useFormErrors({
    values: {
      requesterId: caller?.id ?? null,
      subject,
      serviceId,
      categoryId,
      impact,
      urgency,
      kind: ending.kind,
      resolutionNotes: ending.notes,
      groupId: ending.groupId,
      summary: ending.summary,
    },
    validate: (draft) => {
      const found: Record<string, string> = {};
      if (!draft.requesterId) found.requesterId = t('phone.needCaller');
      if (!draft.subject.trim()) found.subject = t('phone.needSubject');
      if (draft.kind === 'resolve' && !draft.resolutionNotes.trim()) found.resolutionNotes = t('phone.needNotes');
      if (draft.kind === 'escalate' && !draft.groupId) found.groupId = t('support.escalate.targetRequired');
      if (draft.kind === 'escalate' && draft.summary.trim().length < 10)
        found.summary = t('support.escalate.summaryTooShort');
      return found;
    },
    serverError: create.error,
  });
  const busy = create.isPending || apply.isPending || applyWorkaround.isPending || escalate.isPending;
  const services = useServices(caller?.organizationId);
  const categories = useCategories(undefined);
  const usual = useServiceSuggestion(caller?.id);
  // Each call starts at "who is calling": the agent types the name or number straight away.
  useEffect(() => callerInput.current?.focus(), []);

  // The caller's usual service and category, once per caller, unless the agent already chose.
  const suggestedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!caller || !usual.data || suggestedFor.current === caller.id) return;
    suggestedFor.current = caller.id;
    if (serviceId || categoryId) return;
    setServiceId(usual.data.service?.id ?? null);
    setCategoryId(usual.data.category?.id ?? null);
  }, [caller, usual.data, serviceId, categoryId]);
  const fromHistory = Boolean(usual.data?.service && usual.data.service.id === serviceId);

  const [text] = useDebouncedValue(`${subject} ${notes}`.trim(), 350);
  const suggestions = useSuggestions({
    text: text || undefined,
    serviceId: serviceId ?? undefined,
    categoryId: categoryId ?? undefined,
    limit: 5,
  });

  // What the last used procedure or workaround wrote, so using another replaces it rather than piling up.
  const filled = useRef('');
  const fillNotes = (text: string) => {
    setEnding((current) => ({
      ...current,
      notes: current.notes.trim() && current.notes !== filled.current ? `${current.notes.trim()}\n\n${text}` : text,
    }));
    filled.current = text;
  };
  const handleChooseKnownError = (chosen: KnownError) => {
    if (chosen.id === knownError?.id) {
      setKnownError(null);
      return;
    }
    setKnownError(chosen);
    // The resolution notes reach the caller: only the public wording goes there.
    if (chosen.workaroundPublicHtml) fillNotes(htmlToText(chosen.workaroundPublicHtml));
  };
  const handleUse = (procedure: Procedure) => {
    if (procedure.id === procedureId) {
      setProcedureId(null);
      return;
    }
    setProcedureId(procedure.id);
    const scope = scopeFromProcedure(
      procedure,
      { serviceId, categoryId },
      {
        serviceIds: (services.data ?? []).filter((s) => s.status === 'active').map((s) => s.id),
        categories: categories.data ?? [],
      },
    );
    setServiceId(scope.serviceId);
    setCategoryId(scope.categoryId);
    fillNotes(notesFromProcedure(procedure, t('phone.procedureNotes', { title: procedure.title })));
  };

  const finish = async () => {
    if (!caller) return;
    const group = ending.kind === 'escalate' ? groups.data?.find((g) => g.id === ending.groupId) : undefined;
    const ticket = await create
      .mutateAsync({
        requesterId: caller.id,
        type,
        channel: 'phone',
        serviceId,
        categoryId,
        impact,
        urgency,
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
      // The agent told the caller the workaround: whether the call is resolved or escalated, the
      // requester finds it in writing on the ticket as a reply (the public wording; the reply's
      // mail is the one they get), before escalating moves the ticket out of L1's hands. It links
      // the incident to its problem and counts the application. A known error with no public
      // wording has nothing the requester may read: its desk wording goes in as a note.
      if (knownError && type === 'incident' && rolesGrant(me.roles, 'problems.work'))
        await applyWorkaround.mutateAsync({
          problemId: knownError.id,
          ticketId: ticket.id,
          as: knownError.workaroundPublicHtml ? 'reply' : 'note',
        });
      if (group) {
        await escalate.mutateAsync({ ticketId: ticket.id, toGroupId: group.id, summary: ending.summary.trim() });
        onDone({ ticketId: ticket.id, number: ticket.number, group: group.name });
      } else {
        onDone({ ticketId: ticket.id, number: ticket.number });
      }
    } catch (error) {
      onDone({ ticketId: ticket.id, number: ticket.number, error });
    }
  };

  // Enter in a field does not end the call: only the ending's own button does.
  const handleFinish = form.handleSubmit(() => void finish());

  return (
    <form ref={form.formRef} onSubmit={(event) => event.preventDefault()} noValidate>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <ErrorAlert error={create.error} fields={FIELDS} />
              <CallerSearch
                caller={caller}
                inputRef={callerInput}
                error={form.errorOf('requesterId')}
                onChange={(next) => {
                  setCaller(next);
                  setServiceId(null);
                  setCategoryId(null);
                  if (next) onStart();
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
                onChange={(event) => setSubject(event.currentTarget.value)}
                error={form.errorOf('subject')}
              />
              <SegmentedControl
                aria-label={t('tickets.fields.type')}
                fullWidth
                size="xs"
                value={type}
                onChange={(value) => setType(value as TicketType)}
                data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
              />
              <div>
                <Group grow align="flex-start" gap="sm">
                  <ServiceCategoryFields
                    organizationId={caller?.organizationId}
                    serviceId={serviceId}
                    categoryId={categoryId}
                    onServiceChange={setServiceId}
                    onCategoryChange={setCategoryId}
                    errors={{ serviceId: form.errorOf('serviceId'), categoryId: form.errorOf('categoryId') }}
                    selectFirstOption
                  />
                </Group>
                {fromHistory ? (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('phone.fromHistory', { count: usual.data?.basedOn ?? 0 })}
                  </Text>
                ) : null}
              </div>
              <ImpactUrgencyFields
                size="xs"
                impact={impact}
                urgency={urgency}
                onImpactChange={setImpact}
                onUrgencyChange={setUrgency}
              />
              <Textarea
                label={t('phone.notes')}
                placeholder={t('phone.notesPlaceholder')}
                autosize
                minRows={2}
                maxRows={8}
                value={notes}
                onChange={(event) => setNotes(event.currentTarget.value)}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <CallEndings
              draft={ending}
              onChange={changeEnding}
              busy={busy}
              errorOf={form.errorOf}
              onFinish={() => handleFinish()}
            />
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
                            color={procedure.id === procedureId ? 'teal.8' : 'teal'}
                            aria-pressed={procedure.id === procedureId}
                            onClick={() => handleUse(procedure)}
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
            {type === 'incident' ? (
              <PhoneKnownErrors
                text={text}
                serviceId={serviceId}
                chosenId={knownError?.id ?? null}
                onChoose={handleChooseKnownError}
              />
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
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
