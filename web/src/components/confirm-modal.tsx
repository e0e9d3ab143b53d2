import { Modal, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
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

/**
 * Deleting a row of a list after asking: which row is being asked about, and the props that let
 * ConfirmModal ask, show the deletion's progress or error, and close (the error forgotten) once done.
 */
export function useConfirmedDelete<T extends { id: string }>(remove: UseMutationResult<unknown, unknown, string>) {
  const [target, setTarget] = useState<T | null>(null);
  const close = () => {
    setTarget(null);
    remove.reset();
  };
  return {
    target,
    ask: setTarget,
    modal: {
      opened: target !== null,
      loading: remove.isPending,
      error: remove.error,
      onConfirm: () => target && remove.mutate(target.id, { onSuccess: close }),
      onClose: close,
    },
  };
}
