import {
  Alert,
  Anchor,
  Button,
  Code,
  Drawer,
  Group as Row,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboundMail } from '../../../../domain/contracts/mail.js';
import { inboundRawUrl, useInboundRaw } from '../../api/use-mail.js';
import { QueryState } from '../../components/query-states.js';
import { BODY_SHOWN, previewable, readSource } from './mail-source.js';

/**
 * The original of a received message, as it arrived: its header fields and its body as text
 * (never rendered, so markup in it is only shown), with the whole message to download.
 */
export function MailInboundSource({ mail, onClose }: { mail: InboundMail | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const preview = mail ? previewable(mail.size) : false;
  const raw = useInboundRaw(mail?.id ?? null, preview);
  return (
    <Drawer
      opened={mail !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('mailAdmin.source.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {mail ? (
        <Stack gap="md">
          <Row justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('mailAdmin.source.size', { size: sizeText(mail.size) })}
            </Text>
            <Button component="a" href={inboundRawUrl(mail.id)} download={`${mail.id}.eml`} size="xs" variant="light">
              {t('mailAdmin.source.download')}
            </Button>
          </Row>
          {preview ? null : (
            <Alert color="gray" variant="light">
              {t('mailAdmin.source.tooLarge')}
            </Alert>
          )}
          <QueryState query={raw} idle={null}>
            {(text) => {
              const source = readSource(text);
              return (
                <Stack gap="md">
                  <section aria-labelledby="mail-source-headers">
                    <Title order={3} size="h5" id="mail-source-headers" mb={6}>
                      {t('mailAdmin.source.headers')}
                    </Title>
                    <Table fz="xs" verticalSpacing={4} withRowBorders aria-labelledby="mail-source-headers">
                      <Table.Tbody>
                        {source.headers.map((header, index) => (
                          // The same field may come several times (Received): the position tells them apart.
                          // biome-ignore lint/suspicious/noArrayIndexKey: header fields have no identity of their own
                          <Table.Tr key={index}>
                            <Table.Th w={160} style={{ verticalAlign: 'top', fontFamily: 'monospace' }}>
                              {header.name}
                            </Table.Th>
                            <Table.Td style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
                              {header.value}
                              {header.cut ? (
                                <Text component="span" size="xs" c="dimmed">
                                  {' '}
                                  {t('mailAdmin.source.cut')}
                                </Text>
                              ) : null}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </section>
                  <section aria-labelledby="mail-source-body">
                    <Title order={3} size="h5" id="mail-source-body" mb={6}>
                      {t('mailAdmin.source.body')}
                    </Title>
                    {source.bodyCut ? (
                      <Alert color="gray" variant="light" mb="xs">
                        {t('mailAdmin.source.bodyCut', { shown: BODY_SHOWN.toLocaleString(i18n.language) })}{' '}
                        <Anchor href={inboundRawUrl(mail.id)} download={`${mail.id}.eml`} size="sm">
                          {t('mailAdmin.source.download')}
                        </Anchor>
                      </Alert>
                    ) : null}
                    <ScrollArea.Autosize mah={480} type="auto">
                      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {source.body || t('mailAdmin.source.emptyBody')}
                      </Code>
                    </ScrollArea.Autosize>
                  </section>
                </Stack>
              );
            }}
          </QueryState>
        </Stack>
      ) : null}
    </Drawer>
  );
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
