import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { RichText } from '../components/rich-text.js';

/**
 * What a requester reads when their incident is behind a problem the desk is working on: that it
 * is a known issue, and the public workaround once there is one. Never the problem itself.
 */
export function KnownIssueNotice({ knownIssue }: { knownIssue: Ticket['knownIssue'] }) {
  const { t } = useTranslation();
  if (!knownIssue) return null;
  return (
    <Alert color="blue" variant="light" title={t('problems.knownIssue.title')}>
      <Text size="sm">{t('problems.knownIssue.message')}</Text>
      {knownIssue.workaroundHtml ? (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('problems.knownIssue.workaround')}
          </Text>
          <RichText html={knownIssue.workaroundHtml} />
        </>
      ) : null}
    </Alert>
  );
}
