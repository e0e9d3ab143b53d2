import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/contracts/users.js';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/passwords.js';
import { useSetUserPassword } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { NewPasswordInput } from './password-input.js';

/** Sets a new password for someone who lost theirs; they should change it after signing in. */
export function UserPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const setPassword = useSetUserPassword(user?.id ?? '');
  const [password, setValue] = useState('');
  const [visible, setVisible] = useState(false);
  const form = useFormErrors({
    values: { password },
    validate: (draft): Record<string, string> =>
      draft.password.length < PASSWORD_MIN_LENGTH
        ? { password: t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH }) }
        : {},
    serverError: setPassword.error,
  });

  const close = () => {
    setValue('');
    setVisible(false);
    form.reset();
    setPassword.reset();
    onClose();
  };

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t('users.resetPasswordTitle', { name: user?.name ?? '' })}
      centered
    >
      {setPassword.isSuccess ? (
        <Stack>
          <Alert color="teal" variant="light" role="status">
            {t('users.passwordSet', { name: user?.name ?? '' })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form ref={form.formRef} onSubmit={form.handleSubmit(() => setPassword.mutate(password))} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('users.resetPasswordHint')}
            </Text>
            <ErrorAlert error={setPassword.error} fields={['password']} />
            <NewPasswordInput
              label={t('fields.newPassword')}
              description={t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH })}
              required
              value={password}
              onChange={setValue}
              visible={visible}
              onVisibleChange={setVisible}
              error={form.errorOf('password')}
              data-autofocus
            />
            <ModalFooter submitLabel={t('users.setPassword')} onCancel={close} loading={setPassword.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
