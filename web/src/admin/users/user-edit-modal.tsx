import { Alert, Modal, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateUserBody, User } from '../../../../domain/contracts/users.js';
import { isApiError } from '../../api/client.js';
import { useCurrentUser } from '../../api/use-session.js';
import { useUpdateUser, useUser } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { QueryState } from '../../components/query-states.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { assignmentOf, USER_FIELDS, UserFields, useValidateUser, valuesOf } from './user-fields.js';

/** Edit a person: name, email, phone, language, roles and organization, and whether the account is active. */
export function UserEditModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  const [conflict, setConflict] = useState(false);

  const close = () => {
    setConflict(false);
    onClose();
  };

  return (
    <Modal opened={userId !== null} onClose={close} title={t('users.editTitle')} size="lg" centered>
      <QueryState query={user}>
        {(found) => (
          <Stack>
            {conflict ? (
              <Alert color="yellow" variant="light" title={t('conflict.title')}>
                {t('conflict.user')}
              </Alert>
            ) : null}
            <UserEditForm
              key={found.version}
              user={found}
              onSaved={close}
              onCancel={close}
              onConflict={() => {
                setConflict(true);
                void user.refetch();
              }}
            />
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}

function UserEditForm({
  user,
  onSaved,
  onCancel,
  onConflict,
}: {
  user: User;
  onSaved: () => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateUser(user.id);
  const validate = useValidateUser();
  const [values, setValues] = useState(() => valuesOf(user));
  const [active, setActive] = useState(user.status === 'active');
  const form = useFormErrors({ values: { ...values, active }, validate, serverError: update.error });
  const self = me.id === user.id;

  const send = () => {
    const { roles, organizationId } = assignmentOf(values);
    const body: UpdateUserBody = {
      version: user.version,
      email: values.email.trim(),
      name: values.name.trim(),
      phone: values.phone.trim() || null,
      locale: values.locale || null,
      status: active ? 'active' : 'inactive',
    };
    // Only send the assignment when it changed, so the server's role rules run only when needed.
    if (roles.join() !== user.roles.join() || organizationId !== user.organizationId) {
      body.roles = roles;
      body.organizationId = organizationId;
    }
    update.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => isApiError(error) && error.code === 'version_conflict' && onConflict(),
    });
  };

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack>
        <ErrorAlert error={update.error} fields={USER_FIELDS} />
        <UserFields values={values} onChange={setValues} errorOf={form.errorOf} />
        <Switch
          label={t('users.accountActive')}
          description={self ? t('users.cannotDeactivateSelf') : t('users.accountActiveHint')}
          checked={active}
          disabled={self}
          onChange={(event) => setActive(event.currentTarget.checked)}
          error={form.errorOf('status')}
        />
        <ModalFooter submitLabel={t('common.save')} onCancel={onCancel} loading={update.isPending} />
      </Stack>
    </form>
  );
}
