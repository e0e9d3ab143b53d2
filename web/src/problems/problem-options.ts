import { useAllServices, useOrganizationList } from '../api/use-organizations.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';

/** Who may own a problem: the people who find causes and move problems. */
export const OWNER_ROLES = ['specialist', 'supervisor', 'agent'] as const;

/** The choices the problem forms offer: active organizations, their services and the support groups. */
export function useProblemOptions() {
  const organizations = useOrganizationList({ status: 'active', limit: 200 });
  const services = useAllServices();
  const groups = useGroups();
  return {
    organizations: (organizations.data?.pages ?? []).flatMap((page) =>
      page.items.map((o) => ({ value: o.id, label: o.name })),
    ),
    services: (services.data ?? []).filter((s) => s.active).map(({ value, label }) => ({ value, label })),
    groups: (groups.data ?? []).map((g) => ({ value: g.id, label: groupOptionLabel(g) })),
  };
}
