import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert.js';
import { ModalFooter } from './modal-footer.js';

/** Asks before a change that is not a plain edit (deactivating, revoking). */
export function ConfirmModal({
  opened,
  title,
  message,
  confirmLabel,
  color = 'red',
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{message}</Text>
        <ErrorAlert error={error} />
        <ModalFooter
          submitLabel={confirmLabel}
          onCancel={onClose}
          onConfirm={onConfirm}
          loading={loading}
          color={color}
          autoFocus
        />
      </Stack>
    </Modal>
  );
}
