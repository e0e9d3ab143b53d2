import { describe, expect, it } from 'vitest';
import { homePathFor, navItemsFor } from './nav-items.js';

const workspace = (roles: Parameters<typeof navItemsFor>[0]) =>
  navItemsFor(roles)
    .filter((item) => item.section === 'workspace')
    .map((item) => item.to);

describe('the menu follows what each role does', () => {
  it('shows an analyst the supervision board and the directories, not ticket work or procedure writing', () => {
    expect(workspace(['analyst'])).toEqual([
      '/supervision',
      '/workspace/satisfaction',
      '/workspace/questionnaires',
      '/workspace/campaigns',
      '/workspace/problems',
      '/workspace/problems/candidates',
      '/workspace/known-errors',
      '/workspace',
      '/workspace/people',
    ]);
    expect(homePathFor(['analyst'])).toBe('/supervision');
  });

  it('shows ticket work to an analyst who also holds a desk role', () => {
    expect(workspace(['agent', 'analyst'])).toEqual([
      '/workspace/tickets',
      '/supervision',
      '/workspace/satisfaction',
      '/workspace/questionnaires',
      '/workspace/campaigns',
      '/workspace/phone',
      '/workspace/procedures',
      '/workspace/problems',
      '/workspace/problems/candidates',
      '/workspace/known-errors',
      '/workspace/canned-responses',
      '/workspace',
      '/workspace/people',
    ]);
    expect(homePathFor(['agent', 'analyst'])).toBe('/workspace/tickets');
    expect(homePathFor(['requester'])).toBe('/portal');
  });

  it('shows the surveys to review only to a requester who is a client manager', () => {
    const portal = (roles: Parameters<typeof navItemsFor>[0]) =>
      navItemsFor(roles)
        .filter((item) => item.section === 'portal')
        .map((item) => item.to);
    expect(portal(['requester'])).toEqual(['/portal', '/portal/tickets']);
    expect(portal(['requester', 'client_manager'])).toEqual(['/portal', '/portal/tickets', '/portal/questionnaires']);
    expect(workspace(['agent'])).not.toContain('/workspace/questionnaires');
    // Campaigns are read with surveys.read, which the whole desk holds; only managing them is narrower.
    expect(workspace(['agent'])).toContain('/workspace/campaigns');
  });
});
