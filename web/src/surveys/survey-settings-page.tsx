import { Alert, Button, Checkbox, Grid, Group, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSurveySettings } from '../../../domain/contracts/surveys.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { TICKET_TYPES } from '../../../domain/tickets/ticket-types.js';
import { isApiError } from '../api/client.js';
import { useAgreement } from '../api/use-agreements.js';
import { useCurrentUser } from '../api/use-session.js';
import { useSaveTicketSurveySettings, useTicketSurveySettings } from '../api/use-surveys.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PlusIcon } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { QuestionnairePreview } from './questionnaire-preview.js';
import {
  canAddQuestion,
  draftOf,
  hasRating,
  moved,
  newQuestion,
  questionsOfDraft,
  type SurveyDraft,
  withQuestions,
} from './survey-draft.js';
import { questionPaths, SurveyQuestionEditor } from './survey-question-editor.js';

const LOW_MARKS = ['1', '2', '3', '4'];

/** January to December in the reader's language. */
const monthNames = (locale: string) =>
  Array.from({ length: 12 }, (_, month) =>
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month, 1)),
  );
const QUESTIONS_PATH = 'questionnaire.sections.0.questions';

/** An agreement's satisfaction survey after each ticket, with a live preview of what requesters see. */
export function SurveySettingsPage() {
  const { t } = useTranslation();
  const { agreementId } = useParams({ strict: false }) as { agreementId: string };
  const agreement = useAgreement(agreementId);
  const settings = useTicketSurveySettings(agreementId);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <>
      <PageHeader
        title={t('surveys.settings.title')}
        description={agreement.data ? t('surveys.settings.forAgreement', { name: agreement.data.name }) : undefined}
      />
      <QueryState query={settings}>
        {(data) => (
          // A new version (saved here, or reloaded after someone else's) starts the form over from it.
          <SurveySettingsForm
            key={data.version}
            agreementId={agreementId}
            settings={data}
            justSaved={savedVersion === data.version}
            onSaved={setSavedVersion}
            onReload={() => settings.refetch()}
          />
        )}
      </QueryState>
    </>
  );
}

function SurveySettingsForm({
  agreementId,
  settings,
  justSaved,
  onSaved,
  onReload,
}: {
  agreementId: string;
  settings: TicketSurveySettings;
  justSaved: boolean;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const readOnly = !rolesGrant(me.roles, 'surveys.manage');
  const [draft, setDraft] = useState<SurveyDraft>(() => draftOf(settings));
  const [saved, setSaved] = useState(justSaved);
  const save = useSaveTicketSurveySettings(agreementId);
  const form = useFormErrors({ values: draft, serverError: save.error });
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';
  const questions = questionsOfDraft(draft);
  const change = (next: SurveyDraft) => {
    setDraft(next);
    setSaved(false);
  };
  const setQuestions = (next: typeof questions) => change(withQuestions(draft, next));
  const shownPaths = [
    'ticketTypes',
    'lowRating',
    'campaignMonths',
    ...questions.flatMap((q, i) => questionPaths(q, `${QUESTIONS_PATH}.${i}`)),
  ];
  const send = () =>
    save.mutate({ ...draft, version: settings.version }, { onSuccess: (data) => onSaved(data.version) });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-labelledby="survey-settings-title">
          <Stack gap="md">
            <Title order={3} size="h4" id="survey-settings-title">
              {t('surveys.settings.section')}
            </Title>
            {readOnly ? (
              <Alert color="gray" variant="light">
                {t('surveys.settings.readOnly')}
              </Alert>
            ) : null}
            {conflict ? (
              <Alert color="yellow" variant="light" title={t('conflict.title')} role="alert">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('surveys.settings.conflict')}</Text>
                  <Button size="xs" variant="light" color="yellow" onClick={onReload}>
                    {t('surveys.settings.reload')}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <ErrorAlert error={save.error} fields={shownPaths} />
            )}
            <Switch
              label={t('surveys.settings.enabled')}
              checked={draft.enabled}
              disabled={readOnly}
              onChange={(e) => change({ ...draft, enabled: e.currentTarget.checked })}
            />
            <Checkbox.Group
              label={t('surveys.settings.ticketTypes')}
              value={draft.ticketTypes}
              onChange={(value) => change({ ...draft, ticketTypes: value as SurveyDraft['ticketTypes'] })}
              error={form.errorOf('ticketTypes')}
            >
              <Group gap="md" mt={6}>
                {TICKET_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={t(`tickets.types.${type}`)} disabled={readOnly} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group gap="lg" align="flex-end">
              <Select
                label={t('surveys.settings.lowRating')}
                description={t('surveys.settings.lowRatingHint')}
                w={260}
                data={LOW_MARKS}
                value={String(draft.lowRating)}
                allowDeselect={false}
                readOnly={readOnly}
                onChange={(value) => value && change({ ...draft, lowRating: Number(value) })}
                error={form.errorOf('lowRating')}
              />
              <Checkbox
                label={t('surveys.settings.askAgain')}
                checked={draft.askAgainAfterReopen}
                disabled={readOnly}
                onChange={(e) => change({ ...draft, askAgainAfterReopen: e.currentTarget.checked })}
                mb={8}
              />
            </Group>
            <Checkbox.Group
              label={t('surveys.settings.campaignMonths')}
              description={t('surveys.settings.campaignMonthsHint')}
              value={(draft.campaignMonths ?? []).map(String)}
              onChange={(values) => change({ ...draft, campaignMonths: values.map(Number).sort((a, b) => a - b) })}
              error={form.errorOf('campaignMonths')}
            >
              <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="xs" mt={6}>
                {monthNames(i18n.language).map((name, index) => (
                  <Checkbox key={name} value={String(index + 1)} label={name} disabled={readOnly} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Title order={4} size="h5">
              {t('surveys.settings.questions')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('surveys.settings.questionsHint')}
            </Text>
            {hasRating(questions) ? null : (
              <Alert color="yellow" variant="light">
                {t('surveys.settings.needsRating')}
              </Alert>
            )}
            {questions.map((question, index) => (
              <SurveyQuestionEditor
                key={question.id}
                question={question}
                index={index}
                count={questions.length}
                path={`${QUESTIONS_PATH}.${index}`}
                readOnly={readOnly}
                errorOf={form.errorOf}
                onChange={(next) => setQuestions(questions.map((q, i) => (i === index ? next : q)))}
                onMove={(to) => setQuestions(moved(questions, index, to))}
                onRemove={() => setQuestions(questions.filter((_, i) => i !== index))}
              />
            ))}
            {readOnly ? null : (
              <Group justify="space-between">
                <Button
                  variant="light"
                  leftSection={<PlusIcon size={14} />}
                  disabled={!canAddQuestion(draft)}
                  onClick={() =>
                    setQuestions([
                      ...questions,
                      newQuestion(draft.questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id))),
                    ])
                  }
                >
                  {t('surveys.settings.addQuestion')}
                </Button>
                <Group gap="sm">
                  {saved ? (
                    <Text size="sm" c="teal.8" role="status">
                      {t('surveys.settings.saved')}
                    </Text>
                  ) : null}
                  <Button type="submit" loading={save.isPending}>
                    {t('common.save')}
                  </Button>
                </Group>
              </Group>
            )}
            <RouterAnchor to="/admin/agreements" size="sm">
              {t('surveys.settings.back')}
            </RouterAnchor>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <QuestionnairePreview
          document={draft.questionnaire}
          title={t('surveys.settings.preview')}
          titleId="survey-preview-title"
          style={{ position: 'sticky', top: 16 }}
        />
      </Grid.Col>
    </Grid>
  );
}
