import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCandidate } from '../../../domain/contracts/problem-jobs.js';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import { useAcceptCandidate } from '../api/use-problem-jobs.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ImpactUrgencyFields } from '../components/impact-urgency-fields.js';
import { ModalFooter } from '../components/modal-footer.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { candidateName } from './candidate-card.js';

/**
 * Accepting a candidate: the new problem's form, its subject prefilled from the shared terms; the
 * server fills in the rest from the cluster (organization, service, the incidents as description)
 * and links the incidents. Lands on the new problem.
 */
export function AcceptCandidateModal({ candidate, onClose }: { candidate: ProblemCandidate; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptCandidate();
  const [subject, setSubject] = useState(() => candidateName(candidate).slice(0, 200));
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const form = useFormErrors({
    values: { subject, impact, urgency },
    validate: (draft): Record<string, string> => (draft.subject.trim() ? {} : { subject: t('errors.fields.required') }),
    serverError: accept.error,
  });
  const send = () =>
    accept.mutate(
      { id: candidate.id, body: { subject: subject.trim(), impact, urgency } },
      {
        onSuccess: (problem) => {
          onClose();
          void navigate({ to: '/workspace/problems/$problemId', params: { problemId: problem.id } });
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('problemScreens.candidates.acceptTitle')} size="lg" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={accept.error} fields={['subject', 'impact', 'urgency']} />
          <TextInput
            label={t('problems.fields.subject')}
            required
            maxLength={200}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={form.errorOf('subject')}
            data-autofocus
          />
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpactChange={setImpact}
            onUrgencyChange={setUrgency}
          />
          <Text size="sm" c="dimmed">
            {t('problemScreens.candidates.acceptHint', { count: candidate.incidents.length })}
          </Text>
          <ModalFooter
            submitLabel={t('problemScreens.candidates.acceptSubmit')}
            onCancel={onClose}
            loading={accept.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
