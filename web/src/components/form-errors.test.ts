import { describe, expect, it } from 'vitest';
import { stillRefused } from './form-errors.js';

describe('stillRefused', () => {
  const refused = {
    email: 'ana@x.test',
    name: 'Ana',
    roles: ['agent'],
    targets: [{ resolution: '4h' }, { resolution: '' }],
  };

  it('holds while the field keeps the refused value, an array rebuilt alike included', () => {
    expect(stillRefused('email', { ...refused }, refused)).toBe(true);
    expect(stillRefused('roles', { ...refused, roles: ['agent'] }, refused)).toBe(true);
  });

  it('ends as soon as the field changes, and only for that field', () => {
    const values = { ...refused, email: 'ana.perez@x.test' };
    expect(stillRefused('email', values, refused)).toBe(false);
    expect(stillRefused('name', values, refused)).toBe(true);
  });

  it('compares a path the form keeps differently at its deepest part the form has', () => {
    const values = { ...refused, targets: [{ resolution: '4h' }, { resolution: '8h' }] };
    expect(stillRefused('targets.1.resolutionMinutes', values, refused)).toBe(false);
    expect(stillRefused('targets.0.resolutionMinutes', values, refused)).toBe(true);
    // A path the form does not hold at all ends with any change to the form.
    expect(stillRefused('warnAt', values, refused)).toBe(false);
    expect(stillRefused('warnAt', { ...refused }, refused)).toBe(true);
  });
});
