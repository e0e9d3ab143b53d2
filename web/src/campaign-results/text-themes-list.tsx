import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextThemes } from '../../../domain/contracts/campaign-results.js';
import { inLanguage } from './format.js';

/** At most three quotes per theme: enough to hear the voice, not a transcript. */
const QUOTES_PER_THEME = 3;

/** Two people may write the very same words; the quote is shown once. */
const distinct = (quotes: string[]) => [...new Set(quotes)];

/** For each open question: the recurring terms with how many answers use them, and a few quotes. */
export function TextThemesList({ textThemes }: { textThemes: TextThemes[] }) {
  const { t, i18n } = useTranslation();
  if (textThemes.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="results-themes">
      <Title order={3} size="h4" id="results-themes" mb="sm">
        {t('campaignResults.themes.title')}
      </Title>
      <Stack gap="lg">
        {textThemes.map((question) => (
          <Stack key={question.questionId} gap="xs">
            <Group gap="xs" wrap="wrap">
              <Title order={4} size="h5">
                {inLanguage(question.text, i18n.language)}
              </Title>
              <Text size="sm" c="dimmed">
                {t('campaignResults.themes.answers', { count: question.n })}
              </Text>
            </Group>
            {question.themes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('campaignResults.themes.none')}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {question.themes.map((theme) => (
                  <li key={theme.term}>
                    <Badge variant="light" color="indigo" size="lg" tt="none">
                      {t('campaignResults.themes.term', { term: theme.term, count: theme.answers })}
                    </Badge>
                    {theme.quotes.length > 0 ? (
                      <List
                        size="sm"
                        mt={6}
                        spacing={4}
                        aria-label={t('campaignResults.themes.quotes', { term: theme.term })}
                      >
                        {distinct(theme.quotes)
                          .slice(0, QUOTES_PER_THEME)
                          .map((quote) => (
                            <List.Item key={quote}>
                              <Text component="q" size="sm" fs="italic">
                                {quote}
                              </Text>
                            </List.Item>
                          ))}
                      </List>
                    ) : null}
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
