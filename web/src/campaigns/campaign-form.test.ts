import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../../domain/contracts/questionnaires.js';
import {
  actionsFor,
  approvedVersions,
  type CampaignDraft,
  campaignBody,
  draftIssues,
  emptyDraft,
  instantOf,
  localInputValue,
  ratePercent,
  versionPlace,
} from './campaign-form.js';

const filled = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({
  ...emptyDraft(),
  organizationId: 'org1',
  questionnaireVersionId: 'v2',
  name: '  Encuesta semestral  ',
  opensAt: '2027-03-01T09:00',
  closesAt: '2027-03-15T18:00',
  ...over,
});

const version = (id: string, number: number, state: 'draft' | 'shared' | 'approved' | 'superseded') => ({
  id,
  number,
  state,
  basedOnNumber: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  sharedAt: null,
  approvedAt: null,
  approvedById: null,
  supersededAt: null,
});

const questionnaires: Questionnaire[] = [
  {
    id: 'q1',
    organizationId: 'org1',
    title: 'Semestral',
    createdById: null,
    createdAt: '2027-01-01T00:00:00.000Z',
    versions: [version('v1', 1, 'superseded'), version('v2', 2, 'approved'), version('v3', 3, 'draft')],
  },
  {
    id: 'q2',
    organizationId: 'org2',
    title: 'Otra',
    createdById: null,
    createdAt: '2027-01-01T00:00:00.000Z',
    versions: [version('v9', 1, 'approved')],
  },
];

describe('the campaign form', () => {
  it('turns the wall-clock input into an instant and back', () => {
    const instant = instantOf('2027-03-01T09:00');
    expect(instant).not.toBeNull();
    expect(localInputValue(instant ?? '')).toBe('2027-03-01T09:00');
    expect(instantOf('2027-03-01')).toBeNull();
    expect(localInputValue('not a date')).toBe('');
  });

  it('asks for every required field and a close after the opening', () => {
    expect(draftIssues(emptyDraft())).toEqual({
      organizationId: 'required',
      questionnaireVersionId: 'required',
      name: 'required',
      opensAt: 'required',
      closesAt: 'required',
    });
    expect(draftIssues(filled())).toEqual({});
    expect(draftIssues(filled({ closesAt: '2027-03-01T09:00' }))).toEqual({ closesAt: 'closesBeforeOpens' });
  });

  it('takes a reminder of 1 to 60 days, or none', () => {
    expect(draftIssues(filled({ reminderDaysBeforeClose: '0' }))).toEqual({ reminderDaysBeforeClose: 'reminderRange' });
    expect(draftIssues(filled({ reminderDaysBeforeClose: '61' }))).toEqual({
      reminderDaysBeforeClose: 'reminderRange',
    });
    expect(draftIssues(filled({ reminderDaysBeforeClose: '2.5' }))).toEqual({
      reminderDaysBeforeClose: 'reminderRange',
    });
    expect(campaignBody(filled({ reminderDaysBeforeClose: '3' })).reminderDaysBeforeClose).toBe(3);
    expect(campaignBody(filled()).reminderDaysBeforeClose).toBeNull();
  });

  it('sends the audience the desk picked, and none for everyone', () => {
    expect(campaignBody(filled()).audience).toBeUndefined();
    expect(campaignBody(filled({ audienceMode: 'exclude', userIds: [] })).audience).toBeUndefined();
    expect(campaignBody(filled({ audienceMode: 'exclude', userIds: ['u1'] })).audience).toEqual({
      excludeUserIds: ['u1'],
    });
    expect(campaignBody(filled({ audienceMode: 'only', userIds: ['u2'] })).audience).toEqual({ onlyUserIds: ['u2'] });
    expect(draftIssues(filled({ audienceMode: 'only' }))).toEqual({ audience: 'pickPeople' });
  });

  it('trims the name and sends instants', () => {
    const body = campaignBody(filled());
    expect(body.name).toBe('Encuesta semestral');
    expect(body.opensAt).toBe(new Date('2027-03-01T09:00').toISOString());
  });
});

describe('the versions a campaign can freeze', () => {
  it('offers only the organization’s approved versions', () => {
    expect(approvedVersions(questionnaires, 'org1', (title, n) => `${title} v${n}`)).toEqual([
      { value: 'v2', label: 'Semestral v2' },
    ]);
    expect(approvedVersions(questionnaires, null, () => '')).toEqual([]);
  });

  it('finds a frozen version among the questionnaires, to link to it', () => {
    expect(versionPlace(questionnaires, 'v1')).toEqual({ questionnaireId: 'q1', title: 'Semestral', number: 1 });
    expect(versionPlace(questionnaires, 'nope')).toBeNull();
  });
});

describe('a campaign page', () => {
  it('offers what each state allows', () => {
    expect(actionsFor('draft')).toEqual(['open', 'schedule']);
    expect(actionsFor('scheduled')).toEqual(['open']);
    expect(actionsFor('open')).toEqual(['remind', 'close']);
    expect(actionsFor('closed')).toEqual([]);
  });

  it('shows the response rate as a whole percentage, 0 with nobody invited', () => {
    expect(ratePercent({ invited: 3, answered: 1, rate: 1 / 3 })).toBe(33);
    expect(ratePercent({ invited: 0, answered: 0, rate: 0 })).toBe(0);
  });
});
