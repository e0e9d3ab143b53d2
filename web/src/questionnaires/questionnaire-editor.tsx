import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireVersion } from '../../../domain/contracts/questionnaires.js';
import {
  QUESTION_KINDS,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type QuestionnaireDocument,
} from '../../../domain/surveys/questionnaire.js';
import { isApiError } from '../api/client.js';
import { usePatchDraft } from '../api/use-questionnaires.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PlusIcon } from '../components/icons.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { questionPaths, SurveyQuestionEditor } from '../surveys/survey-question-editor.js';
import {
  addQuestion,
  addSection,
  conditionValues,
  earlierQuestions,
  moveQuestion,
  moveToSection,
  removeQuestion,
  removeSection,
  withSection,
} from './questionnaire-editor-draft.js';

/**
 * A draft version's editor: sections (add, rename, remove), their questions in every kind, each
 * question movable within and across sections and shown only if an earlier answer calls for it.
 * Saved with the version read; the server's field errors show on the fields they name.
 */
export function QuestionnaireEditor({
  version,
  document,
  onChange,
  onReload,
}: {
  version: QuestionnaireVersion;
  document: QuestionnaireDocument;
  onChange: (document: QuestionnaireDocument) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'es';
  const save = usePatchDraft(version.questionnaireId, version.number);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors({ values: { document }, serverError: save.error });
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';
  const change = (next: QuestionnaireDocument) => {
    onChange(next);
    setSaved(false);
  };
  const sectionPath = (s: number) => `document.sections.${s}`;
  const shownPaths = document.sections.flatMap((section, s) => [
    `${sectionPath(s)}.title.es`,
    `${sectionPath(s)}.title.en`,
    ...section.questions.flatMap((q, i) => [
      ...questionPaths(q, `${sectionPath(s)}.questions.${i}`),
      `${sectionPath(s)}.questions.${i}.showIf.questionId`,
      `${sectionPath(s)}.questions.${i}.showIf.anyOf`,
    ]),
  ]);
  const send = () => save.mutate({ version: version.version, document }, { onSuccess: () => setSaved(true) });
  const sectionOptions = document.sections.map((section, s) => ({
    value: String(s),
    label: section.title[language] || t('questionnaires.editor.sectionN', { number: s + 1 }),
  }));

  const conditionFields = (question: Question, path: string, update: (q: Question) => void) => {
    const earlier = earlierQuestions(document, question.id);
    const source = earlier.find((q) => q.id === question.showIf?.questionId);
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t('questionnaires.editor.condition')}
          data={[
            { value: '', label: t('questionnaires.editor.conditionNone') },
            ...earlier.map((q) => ({ value: q.id, label: q.text[language] || q.id })),
          ]}
          value={question.showIf?.questionId ?? ''}
          allowDeselect={false}
          onChange={(value) => {
            const { showIf: _, ...rest } = question;
            update(value ? { ...rest, showIf: { questionId: value, anyOf: [] } } : rest);
          }}
          error={form.errorOf(`${path}.showIf.questionId`)}
        />
        {source && question.showIf ? (
          <MultiSelect
            label={t('questionnaires.editor.conditionValues')}
            data={conditionValues(source, language)}
            value={question.showIf.anyOf}
            onChange={(anyOf) => update({ ...question, showIf: { questionId: source.id, anyOf } })}
            error={form.errorOf(`${path}.showIf.anyOf`)}
          />
        ) : null}
      </SimpleGrid>
    );
  };

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-labelledby="questionnaire-editor-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="questionnaire-editor-title">
          {t('questionnaires.editor.title', { number: version.number })}
        </Title>
        {conflict ? (
          <Alert color="yellow" variant="light" title={t('conflict.title')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('questionnaires.editor.conflict')}</Text>
              <Button size="xs" variant="light" color="yellow" onClick={onReload}>
                {t('questionnaires.editor.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={save.error} fields={shownPaths} />
        )}
        {document.sections.map((section, s) => (
          <Paper
            key={section.id}
            withBorder
            radius="md"
            p="md"
            bg="gray.0"
            component="section"
            aria-label={t('questionnaires.editor.sectionN', { number: s + 1 })}
          >
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={700}>{t('questionnaires.editor.sectionN', { number: s + 1 })}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={document.sections.length === 1}
                  onClick={() => change(removeSection(document, s))}
                >
                  {t('questionnaires.editor.removeSection', { number: s + 1 })}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('questionnaires.editor.sectionEs')}
                  value={section.title.es}
                  maxLength={500}
                  onChange={(e) =>
                    change(
                      withSection(document, s, { ...section, title: { ...section.title, es: e.currentTarget.value } }),
                    )
                  }
                  error={form.errorOf(`${sectionPath(s)}.title.es`)}
                />
                <TextInput
                  label={t('questionnaires.editor.sectionEn')}
                  lang="en"
                  value={section.title.en}
                  maxLength={500}
                  onChange={(e) =>
                    change(
                      withSection(document, s, { ...section, title: { ...section.title, en: e.currentTarget.value } }),
                    )
                  }
                  error={form.errorOf(`${sectionPath(s)}.title.en`)}
                />
              </SimpleGrid>
              {section.questions.map((question, i) => {
                const path = `${sectionPath(s)}.questions.${i}`;
                const update = (next: Question) =>
                  change(
                    withSection(document, s, {
                      ...section,
                      questions: section.questions.map((q, j) => (j === i ? next : q)),
                    }),
                  );
                return (
                  <SurveyQuestionEditor
                    key={question.id}
                    question={question}
                    index={i}
                    count={section.questions.length}
                    path={path}
                    readOnly={false}
                    kinds={QUESTION_KINDS}
                    maxOptions={QUESTIONNAIRE_LIMITS.options}
                    errorOf={form.errorOf}
                    onChange={update}
                    onMove={(to) => change(moveQuestion(document, s, i, to))}
                    onRemove={() => change(removeQuestion(document, s, i))}
                  >
                    {conditionFields(question, path, update)}
                    {document.sections.length > 1 ? (
                      <Select
                        label={t('questionnaires.editor.moveToSection')}
                        w={260}
                        data={sectionOptions}
                        value={String(s)}
                        allowDeselect={false}
                        onChange={(value) => value && change(moveToSection(document, s, i, Number(value)))}
                      />
                    ) : null}
                  </SurveyQuestionEditor>
                );
              })}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<PlusIcon size={14} />}
                  onClick={() => change(addQuestion(document, s))}
                >
                  {t('questionnaires.editor.addQuestion', { number: s + 1 })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button variant="light" leftSection={<PlusIcon size={14} />} onClick={() => change(addSection(document))}>
            {t('questionnaires.editor.addSection')}
          </Button>
          <Group gap="sm">
            {saved ? (
              <Text size="sm" c="teal.8" role="status">
                {t('questionnaires.editor.saved')}
              </Text>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
