import { ActionIcon, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixReference, Problem } from '../../../domain/contracts/problems.js';
import {
  FIX_REFERENCE_KINDS,
  type FixReferenceKind,
  type ProblemStatus,
} from '../../../domain/problems/problem-lifecycle.js';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import { isApiError } from '../api/client.js';
import { useUpdateProblem } from '../api/use-problems.js';
import { htmlToText } from '../components/canned-response-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PlusIcon } from '../components/icons.js';
import { ImpactUrgencyFields } from '../components/impact-urgency-fields.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';
import { useFormErrors } from '../components/use-form-errors.js';

/** The problem's words the modal edits as plain text (the server stores them as rich text). */
const TEXTS = [
  'description',
  'symptom',
  'cause',
  'businessImpact',
  'workaroundDesk',
  'workaroundPublic',
  'permanentFix',
] as const;
type TextField = (typeof TEXTS)[number];

const htmlOf: Record<TextField, (problem: Problem) => string | null> = {
  description: (p) => p.descriptionHtml,
  symptom: (p) => p.symptomHtml,
  cause: (p) => p.causeHtml,
  businessImpact: (p) => p.businessImpactHtml,
  workaroundDesk: (p) => p.workaroundDeskHtml,
  workaroundPublic: (p) => p.workaroundPublicHtml,
  permanentFix: (p) => p.permanentFixHtml,
};

/** The fields a status move may find empty (see checkProblemTransition). */
const NEEDS = { workaroundDesk: true, cause: true, permanentFix: true } as const;

const FIELDS = ['subject', 'status', 'impact', 'urgency', 'fixReferences', ...TEXTS];

/**
 * Edits a problem and moves its status in one save, so a move that needs words (a workaround for a
 * known error, the cause and fix for resolved) is refused with the server's reason on the very
 * field to fill. A version conflict closes the modal; the page says so and shows the other version.
 */
export function ProblemEditModal({
  problem,
  initialStatus,
  onClose,
  onConflict,
}: {
  problem: Problem;
  initialStatus?: ProblemStatus;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateProblem(problem.id);
  const [subject, setSubject] = useState(problem.subject);
  const [status, setStatus] = useState<ProblemStatus>(initialStatus ?? problem.status);
  const [impact, setImpact] = useState<Impact>(problem.impact);
  const [urgency, setUrgency] = useState<Urgency>(problem.urgency);
  const [texts, setTexts] = useState<Record<TextField, string>>(
    () => Object.fromEntries(TEXTS.map((f) => [f, htmlToText(htmlOf[f](problem) ?? '')])) as Record<TextField, string>,
  );
  const [fixReferences, setFixReferences] = useState<FixReference[]>(problem.fixReferences);
  const [kind, setKind] = useState<FixReferenceKind>('change');
  const [reference, setReference] = useState('');
  const [url, setUrl] = useState('');
  const form = useFormErrors({
    values: { subject, status, impact, urgency, fixReferences, ...texts },
    validate: (draft): Record<string, string> => (draft.subject.trim() ? {} : { subject: t('errors.fields.required') }),
    serverError: update.error,
  });

  // What a status move needs (the lifecycle's rules), said in the reader's language rather than the server's words.
  const errorOf = (field: TextField) =>
    field in NEEDS && form.serverErrorAt(field) !== undefined
      ? t(`problems.web.needs.${field as keyof typeof NEEDS}`)
      : form.errorOf(field);

  const send = () => {
    const changed: Partial<Record<TextField, string | null>> = {};
    for (const field of TEXTS) {
      if (texts[field] === htmlToText(htmlOf[field](problem) ?? '')) continue;
      changed[field] =
        field === 'description' ? textToHtml(texts[field]) : texts[field].trim() ? textToHtml(texts[field]) : null;
    }
    const { description, ...analysis } = changed;
    update.mutate(
      {
        version: problem.version,
        subject: subject.trim(),
        ...(status !== problem.status ? { status } : {}),
        impact,
        urgency,
        ...(description ? { description } : {}),
        ...analysis,
        fixReferences,
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') onConflict();
        },
      },
    );
  };

  const addReference = () => {
    if (!reference.trim()) return;
    setFixReferences((list) => [...list, { kind, reference: reference.trim(), url: url.trim() || null }]);
    setReference('');
    setUrl('');
  };

  const text = (field: TextField, minRows = 2) => (
    <Textarea
      label={t(`problems.fields.${field}`)}
      autosize
      minRows={minRows}
      value={texts[field]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setTexts((all) => ({ ...all, [field]: value }));
      }}
      error={errorOf(field)}
    />
  );

  const statuses: ProblemStatus[] = [problem.status, ...problem.allowedStatuses];
  return (
    <Modal opened onClose={onClose} title={t('problems.web.editTitle', { number: problem.number })} size="xl" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={update.error} fields={FIELDS} />
          <TextInput
            label={t('problems.fields.subject')}
            required
            maxLength={200}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={form.errorOf('subject')}
          />
          <Select
            label={t('problems.web.status')}
            data={statuses.map((value) => ({ value, label: t(`problems.statuses.${value}`) }))}
            value={status}
            onChange={(value) => value && setStatus(value as ProblemStatus)}
            allowDeselect={false}
            error={form.errorOf('status')}
          />
          {text('description', 3)}
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpactChange={setImpact}
            onUrgencyChange={setUrgency}
          />
          <Text fw={600}>{t('problems.web.analysis')}</Text>
          {text('symptom')}
          {text('cause')}
          {text('businessImpact')}
          <Text fw={600}>{t('problems.web.workaround')}</Text>
          {text('workaroundDesk')}
          {text('workaroundPublic')}
          <Text fw={600}>{t('problems.web.fix')}</Text>
          {text('permanentFix')}
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500} mb={4}>
              {t('problems.fields.fixReferences')}
            </Text>
            <Stack gap={4}>
              {fixReferences.map((ref, index) => (
                <Group key={`${ref.kind}:${ref.reference}`} gap="xs">
                  <Text size="sm">
                    {t(`problems.fixReferenceKinds.${ref.kind}`)} · {ref.reference}
                    {ref.url ? ` · ${ref.url}` : ''}
                  </Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-xs"
                    onClick={() => setFixReferences((list) => list.filter((_, i) => i !== index))}
                  >
                    {t('problems.web.removeReference', { reference: ref.reference })}
                  </Button>
                </Group>
              ))}
              {form.errorOf('fixReferences') ? (
                <Text size="xs" c="red">
                  {form.errorOf('fixReferences')}
                </Text>
              ) : null}
              <Group gap="xs" align="flex-end">
                <Select
                  label={t('problems.web.referenceKind')}
                  data={FIX_REFERENCE_KINDS.map((value) => ({
                    value,
                    label: t(`problems.fixReferenceKinds.${value}`),
                  }))}
                  value={kind}
                  onChange={(value) => value && setKind(value as FixReferenceKind)}
                  allowDeselect={false}
                  w={150}
                />
                <TextInput
                  label={t('problems.web.reference')}
                  maxLength={100}
                  value={reference}
                  onChange={(event) => setReference(event.currentTarget.value)}
                  w={160}
                />
                <TextInput
                  label={t('problems.web.referenceUrl')}
                  maxLength={2000}
                  value={url}
                  onChange={(event) => setUrl(event.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={addReference}
                  aria-label={t('problems.web.addReference')}
                  title={t('problems.web.addReference')}
                >
                  <PlusIcon size={16} />
                </ActionIcon>
              </Group>
            </Stack>
          </fieldset>
          <ModalFooter submitLabel={t('problems.web.save')} onCancel={onClose} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
