import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServices } from '../api/use-organizations.js';
import { CategorySelect } from './category-select.js';

interface Props {
  /** The requester's organization; until there is one, the service cannot be chosen. */
  organizationId: string | null | undefined;
  serviceId: string | null;
  categoryId: string | null;
  onServiceChange: (id: string | null) => void;
  onCategoryChange: (id: string | null) => void;
  errors: { serviceId?: string | undefined; categoryId?: string | undefined };
  /** Typing a service name picks the first match (the phone console, where hands stay on the keys). */
  selectFirstOption?: boolean;
}

/** Service and category for a ticket raised by the desk: the category list follows the service. */
export function ServiceCategoryFields({
  organizationId,
  serviceId,
  categoryId,
  onServiceChange,
  onCategoryChange,
  errors,
  selectFirstOption = false,
}: Props) {
  const { t } = useTranslation();
  const services = useServices(organizationId);
  return (
    <>
      <Select
        label={t('tickets.fields.service')}
        placeholder={organizationId ? t('ticketPage.noService') : t('newTicket.pickRequesterFirst')}
        disabled={!organizationId}
        data={(services.data ?? []).filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name }))}
        value={serviceId}
        onChange={(id) => {
          onServiceChange(id);
          onCategoryChange(null);
        }}
        clearable
        searchable
        selectFirstOptionOnChange={selectFirstOption}
        error={errors.serviceId}
      />
      <CategorySelect
        label={t('tickets.fields.category')}
        placeholder={t('ticketPage.noCategory')}
        serviceId={serviceId}
        value={categoryId}
        onChange={onCategoryChange}
        error={errors.categoryId}
      />
    </>
  );
}
