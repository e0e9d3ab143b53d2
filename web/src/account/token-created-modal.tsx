import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../domain/contracts/auth.js';

/** The token's secret, shown this once: Mesa keeps only a hash of it. */
export function TokenCreatedModal({ created, onClose }: { created: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('tokens.createdTitle', { name: created?.token.name ?? '' })}
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      <Stack>
        <Alert color="yellow" variant="light">
          {t('tokens.onlyOnce')}
        </Alert>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
          {created?.secret ?? ''}
        </Code>
        <Text size="xs" c="dimmed">
          {t('tokens.usage')}
        </Text>
        <Group justify="flex-end">
          <CopyButton value={created?.secret ?? ''} timeout={2000}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('tokens.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
