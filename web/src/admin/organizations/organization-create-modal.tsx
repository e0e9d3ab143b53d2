import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../domain/contracts/organizations.js';
import { useCreateOrganization } from '../../api/use-organizations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import {
  ORGANIZATION_FIELDS,
  OrganizationFields,
  type OrganizationValues,
  useValidateOrganization,
} from './organization-fields.js';

const EMPTY: OrganizationValues = { name: '', code: '', requestersSeeAllTickets: false };

export function OrganizationCreateModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (organization: Organization) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const validate = useValidateOrganization();
  const [values, setValues] = useState(EMPTY);
  const form = useFormErrors({ values, validate, serverError: create.error });

  const close = () => {
    setValues(EMPTY);
    form.reset();
    create.reset();
    onClose();
  };

  const send = () =>
    create.mutate(
      { name: values.name.trim(), code: values.code, requestersSeeAllTickets: values.requestersSeeAllTickets },
      {
        onSuccess: (organization) => {
          close();
          onCreated(organization);
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title={t('organizations.createTitle')} centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={ORGANIZATION_FIELDS} />
          <OrganizationFields values={values} onChange={setValues} errorOf={form.errorOf} />
          <ModalFooter submitLabel={t('organizations.create')} onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
