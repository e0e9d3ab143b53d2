/**
 * The life of a questionnaire version: the desk edits a draft, shares it with the organization's
 * client managers, who comment on it and approve it; approving a version supersedes the approved
 * ones before it. Only a draft changes; a shared or approved version is frozen, and a later edit
 * is a new draft made from it.
 */
export const VERSION_STATES = ['draft', 'shared', 'approved', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** What a client manager sees: the versions shared with them, and those approved (even if since superseded). */
export const REVIEWABLE_STATES: readonly VersionState[] = ['shared', 'approved', 'superseded'];

export const isEditable = (state: VersionState) => state === 'draft';
export const isShareable = (state: VersionState) => state === 'draft';
/** A client manager comments on and approves a version while it is shared. */
export const isUnderReview = (state: VersionState) => state === 'shared';
