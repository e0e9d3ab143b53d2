import { describe, expect, it } from 'vitest';
import { visibleFieldErrors } from './form-errors.js';

const fields = ['email', 'name', 'roles'] as const;
const serverSaid = { email: 'already uses this email', roles: 'is required' } as Record<string, string>;
const server = (field: string) => serverSaid[field];

describe('visibleFieldErrors', () => {
  it('shows the server’s field errors while the fields hold the refused values', () => {
    const values = { email: 'ana@x.test', name: 'Ana', roles: [] };
    expect(visibleFieldErrors({ fields, values, refusedValues: { ...values, roles: [] }, local: {}, server })).toEqual({
      email: 'already uses this email',
      roles: 'is required',
    });
  });

  it('clears a server error as soon as its field changes, and only that one', () => {
    const refused = { email: 'ana@x.test', name: 'Ana', roles: [] };
    const values = { ...refused, email: 'ana.perez@x.test' };
    expect(visibleFieldErrors({ fields, values, refusedValues: refused, local: {}, server })).toEqual({
      roles: 'is required',
    });
  });

  it('puts the form’s own check first, and shows nothing before the server answered', () => {
    const values = { email: '', name: 'Ana', roles: ['agent'] };
    expect(visibleFieldErrors({ fields, values, refusedValues: null, local: { email: 'Required' }, server })).toEqual({
      email: 'Required',
    });
  });
});
