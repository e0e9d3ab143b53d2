import { describe, expect, it } from 'vitest';
import type { Category } from '../../../domain/contracts/tickets.js';
import { notesFromProcedure, scopeFromProcedure } from './procedure-use.js';

const category = (id: string, serviceId: string | null, status: Category['status'] = 'active'): Category => ({
  id,
  parentId: null,
  serviceId,
  name: id,
  status,
  version: 1,
});
const categories = [category('printers', null), category('mail-quota', 'mail'), category('old', null, 'inactive')];
const known = { serviceIds: ['mail', 'erp'], categories };

describe('using a procedure in a call', () => {
  it("takes the procedure's category that applies to the call's service", () => {
    const procedure = { serviceIds: [], categoryIds: ['mail-quota', 'printers'] };
    expect(scopeFromProcedure(procedure, { serviceId: 'erp', categoryId: null }, known)).toEqual({
      serviceId: 'erp',
      categoryId: 'printers',
    });
    expect(scopeFromProcedure(procedure, { serviceId: 'mail', categoryId: null }, known)).toEqual({
      serviceId: 'mail',
      categoryId: 'mail-quota',
    });
  });

  it('keeps the call’s category when the procedure lists it, and never takes an inactive one', () => {
    const procedure = { serviceIds: [], categoryIds: ['old', 'printers', 'mail-quota'] };
    expect(scopeFromProcedure(procedure, { serviceId: 'mail', categoryId: 'mail-quota' }, known).categoryId).toBe(
      'mail-quota',
    );
    expect(
      scopeFromProcedure({ serviceIds: [], categoryIds: ['old'] }, { serviceId: null, categoryId: 'x' }, known),
    ).toEqual({ serviceId: null, categoryId: 'x' });
  });

  it("gives a call without a service the procedure's service the caller's organization has", () => {
    const procedure = { serviceIds: ['crm', 'mail'], categoryIds: ['mail-quota'] };
    expect(scopeFromProcedure(procedure, { serviceId: null, categoryId: null }, known)).toEqual({
      serviceId: 'mail',
      categoryId: 'mail-quota',
    });
    expect(scopeFromProcedure(procedure, { serviceId: 'erp', categoryId: null }, known)).toEqual({
      serviceId: 'erp',
      categoryId: null,
    });
  });

  it('writes the steps under the heading, numbered', () => {
    expect(notesFromProcedure({ steps: ['Check the toner', 'Print a test page'] }, 'Procedure “Blank pages”:')).toBe(
      'Procedure “Blank pages”:\n1. Check the toner\n2. Print a test page',
    );
  });
});
