import { Box, Button, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Answer, type Answers, checkAnswers, isShown } from '../../../domain/surveys/answers.js';
import {
  NOT_APPLICABLE,
  NPS_SCALE,
  type Question,
  type QuestionnaireDocument,
  RATING_SCALE,
  type SurveyLanguage,
} from '../../../domain/surveys/questionnaire.js';
import { isApiError } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';

const scale = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** Only the answers to questions still shown: a changed answer can hide a later question. */
function shownAnswers(document: QuestionnaireDocument, answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of document.sections.flatMap((section) => section.questions)) {
    if (isShown(question, kept) && answers[question.id] !== undefined)
      kept[question.id] = answers[question.id] as Answer;
  }
  return kept;
}

/**
 * A questionnaire to answer, in the respondent's language: each question a labelled group of
 * radios, boxes or a text area, later questions appearing when an earlier answer calls for them.
 * Checked here as the server will check it; the server's own refusals show on the same fields.
 * Without `onSubmit` it is a preview (the builders'): the questions answer, nothing is sent.
 */
export function QuestionnaireForm({
  document,
  language,
  onSubmit,
  submitting,
  error,
}: {
  document: QuestionnaireDocument;
  language: SurveyLanguage;
  onSubmit?: (answers: Answers) => void;
  submitting?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const shown = shownAnswers(document, answers);
  const serverIssue = (id: string) =>
    isApiError(error) ? error.errors.find((e) => e.field === `answers.${id}`)?.message : undefined;

  const set = (id: string, value: Answer | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
    setIssues(({ [id]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!onSubmit) return;
    const found = checkAnswers(document, shown);
    if (found.length > 0) {
      setIssues(
        Object.fromEntries(found.map((issue) => [issue.field.slice('answers.'.length), t('surveys.form.answerThis')])),
      );
      const first = found[0]?.field.slice('answers.'.length);
      globalThis.document.getElementById(`question-${first}`)?.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    onSubmit(shown);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
        {document.sections.map((section) => {
          const visible = section.questions.filter((question) => isShown(question, shown));
          if (visible.length === 0) return null;
          return (
            <Stack key={section.id} gap="lg">
              {document.sections.length > 1 ? <Title order={3}>{section.title[language]}</Title> : null}
              {visible.map((question) => (
                <div key={question.id} id={`question-${question.id}`}>
                  <QuestionField
                    question={question}
                    language={language}
                    value={answers[question.id]}
                    onChange={(value) => set(question.id, value)}
                    error={issues[question.id] ?? serverIssue(question.id)}
                  />
                </div>
              ))}
            </Stack>
          );
        })}
        {onSubmit ? (
          <>
            <ErrorAlert
              error={isApiError(error) && error.errors.some((e) => e.field.startsWith('answers.')) ? null : error}
            />
            <Group>
              <Button type="submit" loading={submitting}>
                {t('surveys.form.send')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </form>
  );
}

/** A question's help, when it has one, and under it what the scale's ends mean: the respondent needs both. */
function withScale(help: string | undefined, scaleText: string): ReactNode {
  if (!help) return scaleText;
  return (
    <>
      {help}
      <br />
      {scaleText}
    </>
  );
}

function QuestionField({
  question,
  language,
  value,
  onChange,
  error,
}: {
  question: Question;
  language: SurveyLanguage;
  value: Answer | undefined;
  onChange: (value: Answer | undefined) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = question.text[language];
  const description = question.help?.[language];
  const common = { label, description, error, withAsterisk: question.required };
  const options = question.options ?? [];
  switch (question.kind) {
    case 'rating':
    case 'nps': {
      const [min, max] =
        question.kind === 'rating' ? [RATING_SCALE.min, RATING_SCALE.max] : [NPS_SCALE.min, NPS_SCALE.max];
      return (
        <Radio.Group
          {...common}
          description={withScale(description, t(`surveys.form.${question.kind}Scale`))}
          value={value === undefined ? null : String(value)}
          onChange={(picked) => onChange(picked === NOT_APPLICABLE ? NOT_APPLICABLE : Number(picked))}
        >
          <Group gap="md" mt={6}>
            {scale(min, max).map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
            {question.notApplicable ? <Radio value={NOT_APPLICABLE} label={t('surveys.form.notApplicable')} /> : null}
          </Group>
        </Radio.Group>
      );
    }
    case 'single':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {options.map((option) => (
              <Radio key={option.id} value={option.id} label={option.label[language]} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {options.map((option) => (
              <Checkbox key={option.id} value={option.id} label={option.label[language]} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'matrix': {
      const rows = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      // One fieldset for the whole grid, so a screen reader names the question before each item,
      // and the scale and any error are read with it.
      const helpId = `question-${question.id}-help`;
      const errorId = `question-${question.id}-error`;
      return (
        <Box
          component="fieldset"
          aria-describedby={error ? `${helpId} ${errorId}` : helpId}
          style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
        >
          {/* The legend must be the fieldset's first child to name it. */}
          <Text component="legend" size="sm" p={0} mb={4} style={{ fontWeight: 'var(--mantine-font-weight-medium)' }}>
            {label}
            {question.required ? (
              <span style={{ color: 'var(--mantine-color-error)' }} aria-hidden>
                {' *'}
              </span>
            ) : null}
          </Text>
          <Stack gap="xs">
            <Text size="xs" c="dimmed" id={helpId}>
              {withScale(description, t('surveys.form.ratingScale'))}
            </Text>
            {options.map((item) => (
              <Radio.Group
                key={item.id}
                pl="sm"
                labelProps={{ style: { fontWeight: 'var(--mantine-font-weight-regular, 400)' } }}
                label={item.label[language]}
                value={rows[item.id] === undefined ? null : String(rows[item.id])}
                onChange={(picked) =>
                  onChange({ ...rows, [item.id]: picked === NOT_APPLICABLE ? NOT_APPLICABLE : Number(picked) })
                }
              >
                <Group gap="md" mt={4}>
                  {scale(RATING_SCALE.min, RATING_SCALE.max).map((n) => (
                    <Radio key={n} value={String(n)} label={String(n)} />
                  ))}
                  {question.notApplicable ? (
                    <Radio value={NOT_APPLICABLE} label={t('surveys.form.notApplicable')} />
                  ) : null}
                </Group>
              </Radio.Group>
            ))}
            {error ? (
              <Text size="xs" c="red.8" role="alert" id={errorId}>
                {error}
              </Text>
            ) : null}
          </Stack>
        </Box>
      );
    }
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        />
      );
  }
}
