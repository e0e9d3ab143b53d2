import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  Calendar,
  CreateAgreementBody,
  CreateCalendarBody,
  ImportHolidaysBody,
  UpdateAgreementBody,
  UpdateCalendarBody,
} from '../../../domain/contracts/sla.js';
import { apiRequest } from './client.js';

const calendarsKey = ['calendars'] as const;
const agreementsKey = ['agreements'] as const;
const calendarPath = (id: string) => `/calendars/${encodeURIComponent(id)}`;
const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;

/** Every business calendar: the hours and holidays an SLA clock counts against. */
export function useCalendars() {
  return useQuery({
    queryKey: calendarsKey,
    queryFn: ({ signal }) => apiRequest<{ items: Calendar[] }>('/calendars', { signal }),
    select: (data) => [...data.items].sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
}

export function useCreateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCalendarBody) => apiRequest<Calendar>('/calendars', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey }),
  });
}

export function useUpdateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCalendarBody & { id: string }) =>
      apiRequest<Calendar>(calendarPath(id), { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey }),
  });
}

/** Adds the holidays of an iCalendar file (its text) to a calendar; yearly events become month and day. */
export function useImportHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ImportHolidaysBody & { id: string }) =>
      apiRequest<Calendar>(`${calendarPath(id)}/holidays/import`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey }),
  });
}

/** The service agreements, all of them or the one of an organization. */
export function useAgreements(organizationId?: string | null) {
  return useQuery({
    queryKey: [...agreementsKey, 'list', organizationId ?? null],
    queryFn: ({ signal }) => apiRequest<{ items: Agreement[] }>('/agreements', { query: { organizationId }, signal }),
    select: (data) => data.items,
  });
}

export function useAgreement(id: string | null | undefined) {
  return useQuery({
    queryKey: [...agreementsKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest<Agreement>(agreementPath(id as string), { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgreementBody) => apiRequest<Agreement>('/agreements', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export function useUpdateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAgreementBody & { id: string }) =>
      apiRequest<Agreement>(agreementPath(id), { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}
