import type { Procedure } from '../../../domain/contracts/procedures.js';
import type { Category } from '../../../domain/contracts/tickets.js';

export interface CallScope {
  serviceId: string | null;
  categoryId: string | null;
}

/**
 * The service and category a call takes when the agent uses a procedure: the category it belongs
 * to (the call's own if the procedure lists it, else its first that applies to the call's service)
 * and, when the call has no service yet, the first of the procedure's services the caller's
 * organization has. What does not fit is left as it was.
 */
export function scopeFromProcedure(
  procedure: Pick<Procedure, 'serviceIds' | 'categoryIds'>,
  call: CallScope,
  known: { serviceIds: readonly string[]; categories: readonly Category[] },
): CallScope {
  const serviceId = call.serviceId ?? procedure.serviceIds.find((id) => known.serviceIds.includes(id)) ?? null;
  if (call.categoryId && procedure.categoryIds.includes(call.categoryId))
    return { serviceId, categoryId: call.categoryId };
  const fits = (id: string) =>
    known.categories.some(
      (category) =>
        category.id === id &&
        category.status === 'active' &&
        (category.serviceId === null || category.serviceId === serviceId),
    );
  return { serviceId, categoryId: procedure.categoryIds.find(fits) ?? call.categoryId };
}

/** The resolution notes a procedure starts: its title under `heading`, then its steps, numbered. */
export function notesFromProcedure(procedure: Pick<Procedure, 'steps'>, heading: string): string {
  return [heading, ...procedure.steps.map((step, index) => `${index + 1}. ${step}`)].join('\n');
}
