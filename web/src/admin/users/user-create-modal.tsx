import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/passwords.js';
import { useCreateUser } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { NewPasswordInput } from './password-input.js';
import { assignmentOf, EMPTY_USER, USER_FIELDS, UserFields, type UserValues, useValidateUser } from './user-fields.js';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const validate = useValidateUser();
  const [values, setValues] = useState<UserValues>(EMPTY_USER);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const form = useFormErrors({
    values: { ...values, password },
    validate: (current): Record<string, string> => ({
      ...validate(current),
      ...(current.password && current.password.length < PASSWORD_MIN_LENGTH
        ? { password: t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH }) }
        : {}),
    }),
    serverError: create.error,
  });

  const close = () => {
    setValues(EMPTY_USER);
    setPassword('');
    setShowPassword(false);
    form.reset();
    create.reset();
    onClose();
  };

  const send = () =>
    create.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        ...assignmentOf(values),
        phone: values.phone.trim() || null,
        locale: values.locale || null,
        ...(password ? { password } : {}),
      },
      { onSuccess: close },
    );

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="lg" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={USER_FIELDS} />
          <UserFields values={values} onChange={setValues} errorOf={form.errorOf} />
          <NewPasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint', { min: PASSWORD_MIN_LENGTH })}
            value={password}
            onChange={setPassword}
            visible={showPassword}
            onVisibleChange={setShowPassword}
            error={form.errorOf('password')}
          />
          <ModalFooter submitLabel={t('users.create')} onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
