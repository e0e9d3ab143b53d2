import { Alert, Badge, Code, Paper, Group as Row, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../../../domain/contracts/mail.js';
import { useMailStatus } from '../../api/use-mail.js';
import { AlertIcon } from '../../components/icons.js';
import { QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';

/**
 * How mail comes in and goes out on this installation, and what waits or failed. Everything here
 * comes from the environment when Mesa starts, so it is shown with the variable that sets it and
 * is not editable.
 */
export function MailStatusCard() {
  const { t } = useTranslation();
  const status = useMailStatus();
  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-labelledby="mail-status-title">
      <Row justify="space-between" align="baseline" gap={4} mb="sm">
        <Text fw={600} id="mail-status-title">
          {t('mailAdmin.status.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('mailAdmin.status.readOnly')}
        </Text>
      </Row>
      <QueryState
        query={status}
        loading={
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton h={180} radius="sm" />
            <Skeleton h={180} radius="sm" />
          </SimpleGrid>
        }
      >
        {(current) => <StatusDetails status={current} />}
      </QueryState>
    </Paper>
  );
}

function StatusDetails({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  const nothingComesIn = !status.smtpListener && !status.httpIntake && !status.imap;
  return (
    <Stack gap="md">
      {status.relay ? null : (
        <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('mailAdmin.status.noRelayTitle')}>
          {t('mailAdmin.status.noRelay')}
        </Alert>
      )}
      {nothingComesIn ? (
        <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('mailAdmin.status.noIntakeTitle')}>
          {t('mailAdmin.status.noIntake')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg">
        <Stack gap="sm">
          <ColumnHeading
            title={t('mailAdmin.status.incoming')}
            counts={
              <>
                <Text size="sm" c={status.inbox.waiting > 0 ? undefined : 'dimmed'}>
                  {t('mailAdmin.status.waiting', { count: status.inbox.waiting })}
                </Text>
                <FailedCount count={status.inbox.failed} tab="inbound" label={t('mailAdmin.status.seeFailedInbound')} />
              </>
            }
          />
          <Way
            name={t('mailAdmin.status.smtpListener')}
            on={status.smtpListener !== null}
            detail={
              status.smtpListener
                ? t('mailAdmin.status.smtpListenerOn', {
                    address: `${status.smtpListener.host}:${status.smtpListener.port}`,
                  })
                : t('mailAdmin.status.smtpListenerOff')
            }
            variables={['MESA_SMTP_LISTEN_PORT', 'MESA_SMTP_LISTEN_HOST']}
          />
          <Way
            name={t('mailAdmin.status.httpIntake')}
            on={status.httpIntake}
            detail={status.httpIntake ? t('mailAdmin.status.httpIntakeOn') : t('mailAdmin.status.httpIntakeOff')}
            variables={['MESA_MAIL_INBOUND_TOKEN']}
          />
          <Way
            name={t('mailAdmin.status.imap')}
            on={status.imap !== null}
            detail={
              status.imap
                ? t('mailAdmin.status.imapOn', { server: status.imap.server, folder: status.imap.folder })
                : t('mailAdmin.status.imapOff')
            }
            variables={['MESA_IMAP_URL', 'MESA_IMAP_FOLDER']}
          />
          <Way
            name={t('mailAdmin.status.maxSize')}
            detail={t('mailAdmin.status.maxSizeDetail', {
              size: Math.round((status.maxMessageBytes / 1024 / 1024) * 10) / 10,
            })}
            variables={['MESA_MAIL_MAX_MESSAGE_MB']}
          />
        </Stack>
        <Stack gap="sm">
          <ColumnHeading
            title={t('mailAdmin.status.outgoing')}
            counts={
              <>
                <Text size="sm" c={status.outbox.pending > 0 ? undefined : 'dimmed'}>
                  {t('mailAdmin.status.pending', { count: status.outbox.pending })}
                </Text>
                <FailedCount
                  count={status.outbox.failed}
                  tab="outbound"
                  label={t('mailAdmin.status.seeFailedOutbound')}
                />
              </>
            }
          />
          <Way
            name={t('mailAdmin.status.relay')}
            on={status.relay !== null}
            detail={
              status.relay ? (
                <>
                  {t('mailAdmin.status.relayOn', { server: status.relay.server })}{' '}
                  {status.relay.secure ? t('mailAdmin.status.relaySecure') : t('mailAdmin.status.relayStartTls')}
                </>
              ) : (
                t('mailAdmin.status.relayOff')
              )
            }
            variables={['MESA_SMTP_URL']}
          />
          <Way
            name={t('mailAdmin.status.from')}
            detail={
              <Text span size="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {status.from}
              </Text>
            }
            variables={['MESA_MAIL_FROM']}
          />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** "Incoming" or "Outgoing", with what waits and what failed on the right. */
function ColumnHeading({ title, counts }: { title: string; counts: ReactNode }) {
  return (
    <Row
      justify="space-between"
      align="baseline"
      gap="xs"
      pb={6}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      <Row gap="md" wrap="wrap">
        {counts}
      </Row>
    </Row>
  );
}

/** Failed messages, linking to the tab that lists them when there are any. */
function FailedCount({ count, tab, label }: { count: number; tab: 'inbound' | 'outbound'; label: string }) {
  const { t } = useTranslation();
  const text = t('mailAdmin.status.failed', { count });
  if (count === 0)
    return (
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    );
  return (
    <RouterAnchor to="/admin/mail" search={{ tab }} size="sm" c="red" fw={600} title={label}>
      {text}
    </RouterAnchor>
  );
}

/** One way in or out: its name, on or off, what it does, and the environment variable(s) that set it. */
function Way({ name, on, detail, variables }: { name: string; on?: boolean; detail: ReactNode; variables: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Row gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {on === undefined ? null : (
          <Badge size="sm" variant="dot" color={on ? 'teal' : 'gray'}>
            {on ? t('mailAdmin.status.on') : t('mailAdmin.status.off')}
          </Badge>
        )}
      </Row>
      <Text size="sm" c="dimmed">
        {detail}
      </Text>
      <Text size="xs" c="dimmed">
        {t('mailAdmin.status.setBy')}{' '}
        {variables.map((variable, index) => (
          <span key={variable}>
            {index > 0 ? ', ' : null}
            <Code fz="xs">{variable}</Code>
          </span>
        ))}
      </Text>
    </Stack>
  );
}
