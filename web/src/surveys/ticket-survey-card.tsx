import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnswerTicketSurvey, useTicketSatisfaction } from '../api/use-surveys.js';
import { QuestionnaireForm } from './questionnaire-form.js';

/** On the requester's ticket page: the survey about its resolution, to answer, or what they answered. */
export function TicketSurveyCard({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const satisfaction = useTicketSatisfaction(ticketId);
  const answer = useAnswerTicketSurvey(ticketId);
  const found = satisfaction.data;
  if (!found?.survey || found.state === 'not_asked') return null;
  const { survey } = found;
  const language = i18n.language.startsWith('en') ? 'en' : 'es';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-survey-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="ticket-survey-title">
          {found.state === 'answered' ? t('surveys.ticket.answeredTitle') : t('surveys.ticket.title')}
        </Title>
        {found.state === 'pending' ? (
          <QuestionnaireForm
            document={survey.questionnaire}
            language={language}
            onSubmit={(answers) => answer.mutate(answers)}
            submitting={answer.isPending}
            error={answer.error}
          />
        ) : found.state === 'answered' ? (
          <>
            {answer.isSuccess ? (
              <Alert color="green" role="status">
                {t('surveys.ticket.thanks')}
              </Alert>
            ) : null}
            {survey.rating !== null ? (
              <Text size="sm">{t('surveys.ticket.yourRating', { rating: survey.rating })}</Text>
            ) : null}
            {survey.comment ? (
              <Text size="sm" fs="italic">
                “{survey.comment}”
              </Text>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('surveys.ticket.expired')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
