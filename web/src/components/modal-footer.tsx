import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The foot of a modal: Cancel, then the primary action, which shows its loader while the change
 * is on its way. Inside a form the primary button submits it; with `onConfirm` it is a plain
 * button. Anything in `children` sits on the left (e.g. a count of the form's issues).
 */
export function ModalFooter({
  submitLabel,
  onCancel,
  onConfirm,
  loading = false,
  disabled = false,
  color,
  autoFocus = false,
  children,
}: {
  submitLabel: ReactNode;
  onCancel: () => void;
  /** Without it the primary button is the form's submit button. */
  onConfirm?: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
  /** Focus the primary button when the modal opens (for confirmations without fields). */
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      {children}
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        loading={loading}
        disabled={disabled}
        color={color}
        data-autofocus={autoFocus || undefined}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
