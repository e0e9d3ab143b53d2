import { Box, Divider, Paper, Group as Row, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mailEn } from '../../../../domain/i18n/mail-en.js';
import { mailEs } from '../../../../domain/i18n/mail-es.js';
import { PLACEHOLDER } from '../../../../domain/mail/template-rules.js';
import type { MailLocale, MailTemplateEvent } from '../../api/use-mail.js';

const SHIPPED = { es: mailEs, en: mailEn };
const SAMPLE_NUMBER = 'INC-000123';
/** The server fills `{{name}}` exactly (mail-templates.ts); the preview reads the text the same way. */

/** Text with its known placeholders filled in and the unknown ones left visible, in red. */
function fillParts(text: string, values: Record<string, string>, allowed: readonly string[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const name = match[1] ?? '';
    parts.push(
      allowed.includes(name) ? (
        (values[name] ?? '')
      ) : (
        <Text key={at} span c="red" fw={600} ff="monospace" fz="0.9em">
          {match[0]}
        </Text>
      ),
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * The mail as its reader sees it, with sample values in the template's own language: the header
 * lines, the paragraphs, the agent's reply where there is one, the link and the fixed footer.
 */
export function MailTemplatePreview({
  locale,
  event,
  subject,
  paragraphs,
  placeholders,
  from,
}: {
  locale: MailLocale;
  event: MailTemplateEvent;
  subject: string;
  paragraphs: string[];
  placeholders: readonly string[];
  from: string | null;
}) {
  const { t, i18n } = useTranslation();
  const sample = i18n.getFixedT(locale);
  const values: Record<string, string> = {
    number: SAMPLE_NUMBER,
    subject: sample('mailAdmin.templates.sample.subject'),
    requester: sample('mailAdmin.templates.sample.requester'),
    agent: sample('mailAdmin.templates.sample.agent'),
    resolution: sample('mailAdmin.templates.sample.resolution'),
    what: sample('mailAdmin.templates.sample.what'),
  };
  const to =
    event === 'staff_alert'
      ? sample('mailAdmin.templates.sample.staffAddress')
      : sample('mailAdmin.templates.sample.requesterAddress');
  const shipped = SHIPPED[locale];
  const written = paragraphs.filter((p) => p.trim() !== '');
  const unknown = [subject, ...written].some((text) =>
    [...text.matchAll(PLACEHOLDER)].some((m) => !placeholders.includes(m[1] ?? '')),
  );

  return (
    <Stack gap={6} component="section" aria-label={t('mailAdmin.templates.preview')}>
      <div>
        <Text fw={600} size="sm">
          {t('mailAdmin.templates.preview')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('mailAdmin.templates.previewHint')}
        </Text>
      </div>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }} lang={locale}>
        <Stack gap={2} px="md" py="sm" bg="var(--mantine-color-default-hover)">
          {from ? <HeaderLine label={t('mailAdmin.templates.previewFrom')}>{from}</HeaderLine> : null}
          <HeaderLine label={t('mailAdmin.templates.previewTo')}>{to}</HeaderLine>
          <HeaderLine label={t('mailAdmin.templates.previewSubject')} strong>
            {fillParts(subject.replace(/[\r\n]+/g, ' '), values, placeholders)}
          </HeaderLine>
        </Stack>
        <Divider />
        <Box px="md" py="sm" fz={14} lh={1.5} style={{ overflowWrap: 'anywhere' }}>
          {written.map((paragraph, index) => (
            // Paragraphs have no identity of their own here; their order is what the reader sees.
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of the list as it stands
            <Text key={index} fz={14} lh={1.5} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {fillParts(paragraph, values, placeholders)}
            </Text>
          ))}
          {event === 'agent_reply' ? (
            <Box
              my="sm"
              pl="sm"
              style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}
              c="var(--mantine-color-text)"
            >
              <Text fz={14} lh={1.5}>
                {sample('mailAdmin.templates.sample.reply')}
              </Text>
            </Box>
          ) : null}
          <Text fz={14} mb={2} c="blue" td="underline">
            {shipped.openTicket}
          </Text>
          <Text size="xs" c="dimmed" mb="sm" fs="italic">
            {t('mailAdmin.templates.previewLinkNote')}
          </Text>
          <Text size="xs" c="dimmed">
            {shipped.footer.replace(PLACEHOLDER, (whole, name: string) => (name === 'number' ? SAMPLE_NUMBER : whole))}
          </Text>
        </Box>
      </Paper>
      {unknown ? (
        <Text size="xs" c="red">
          {t('mailAdmin.templates.previewUnknown')}
        </Text>
      ) : null}
    </Stack>
  );
}

function HeaderLine({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <Row gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={56} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : undefined} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {children}
      </Text>
    </Row>
  );
}
