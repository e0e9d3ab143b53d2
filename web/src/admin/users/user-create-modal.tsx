import { Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/passwords.js';
import { useCreateUser } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { NewPasswordInput } from './password-input.js';
import {
  assignmentOf,
  EMPTY_USER,
  USER_FIELDS,
  type UserErrors,
  UserFields,
  type UserValues,
  useValidateUser,
} from './user-fields.js';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const create = useCreateUser();
  const validate = useValidateUser();
  const [values, setValues] = useState<UserValues>(EMPTY_USER);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<UserErrors & { password?: string }>({});

  const close = () => {
    setValues(EMPTY_USER);
    setPassword('');
    setShowPassword(false);
    setErrors({});
    create.reset();
    onClose();
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const issues: UserErrors & { password?: string } = validate(values);
    if (password && password.length < PASSWORD_MIN_LENGTH)
      issues.password = t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH });
    setErrors(issues);
    if (Object.keys(issues).length > 0) return;
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
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="lg" centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={USER_FIELDS} />
          <UserFields values={values} onChange={setValues} clientErrors={errors} apiError={create.error} />
          <NewPasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint', { min: PASSWORD_MIN_LENGTH })}
            value={password}
            onChange={setPassword}
            visible={showPassword}
            onVisibleChange={setShowPassword}
            error={errors.password ?? field(create.error, 'password')}
          />
          <ModalFooter submitLabel={t('users.create')} onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
