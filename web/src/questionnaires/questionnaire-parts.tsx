import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireVersionSummary } from '../../../domain/contracts/questionnaires.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import { useAddComment, useQuestionnaireComments } from '../api/use-questionnaires.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { QueryState } from '../components/query-states.js';
import { QuestionnairePreview } from '../surveys/questionnaire-preview.js';

type VersionState = QuestionnaireVersionSummary['state'];
const STATE_COLORS: Record<VersionState, string> = {
  draft: 'gray',
  shared: 'blue',
  approved: 'teal',
  superseded: 'dark',
};

export function VersionStateBadge({ state }: { state: VersionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {t(`questionnaires.states.${state}`)}
    </Badge>
  );
}

/** The latest version a person may see: the one a list row and a page open by default. */
export const latestVersion = (versions: readonly QuestionnaireVersionSummary[]) =>
  versions[versions.length - 1] ?? null;

/** A version's questionnaire as respondents will see it, in either language. */
export function VersionPreview({ document, titleId }: { document: QuestionnaireDocument; titleId: string }) {
  const { t } = useTranslation();
  return <QuestionnairePreview document={document} title={t('questionnaires.preview')} titleId={titleId} />;
}

/** The comment thread of a shared version: the organization's client managers and the desk. */
export function CommentThread({
  questionnaireId,
  number,
  open,
}: {
  questionnaireId: string;
  number: number;
  open: boolean;
}) {
  const { t } = useTranslation();
  const comments = useQuestionnaireComments(questionnaireId, number);
  const add = useAddComment(questionnaireId, number);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="questionnaire-comments-title">
      <Title order={3} size="h5" id="questionnaire-comments-title" mb="sm">
        {t('questionnaires.comments')}
      </Title>
      <QueryState query={comments}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {open ? t('questionnaires.noComments') : t('questionnaires.commentsOnlyShared')}
            </Text>
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((comment) => (
                <li key={comment.id}>
                  <Text size="sm" fw={600}>
                    {comment.authorName}{' '}
                    <Text span size="xs" c="dimmed">
                      <DateTime value={comment.createdAt} />
                    </Text>
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {comment.body}
                  </Text>
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {open ? (
        <form onSubmit={submit}>
          <Stack gap="xs" mt="md">
            <ErrorAlert error={add.error} fields={['body']} />
            <Textarea
              label={t('questionnaires.addComment')}
              value={body}
              maxLength={4000}
              autosize
              minRows={2}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending} disabled={body.trim() === ''}>
                {t('questionnaires.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
