import { describe, expect, it } from 'vitest';
import { checkCampaignMonths, nextCampaignWindow } from './campaign-window.js';

describe('nextCampaignWindow', () => {
  it('opens on the first working day of the next campaign month, for 21 days, at 09:00 in the zone', () => {
    // 1 May 2027 is a Saturday: the campaign opens Monday 3 May, 09:00 in Santiago (UTC−4).
    expect(nextCampaignWindow([5, 11], new Date('2027-01-15T12:00:00Z'), 'America/Santiago')).toEqual({
      opensAt: '2027-05-03T13:00:00.000Z',
      closesAt: '2027-05-24T13:00:00.000Z',
    });
  });

  it('takes this month when its opening is still ahead, and the next one once it has passed', () => {
    // 1 November 2027 is a Monday.
    const before = nextCampaignWindow([5, 11], new Date('2027-11-01T08:59:00Z'), 'UTC');
    expect(before.opensAt).toBe('2027-11-01T09:00:00.000Z');
    const after = nextCampaignWindow([5, 11], new Date('2027-11-01T09:00:00Z'), 'UTC');
    expect(after.opensAt).toBe('2028-05-01T09:00:00.000Z');
  });

  it('wraps into next year and reads the month in the zone, not in UTC', () => {
    // 2026-12-01T02:00Z is still 30 November in Santiago; the only month is December.
    expect(nextCampaignWindow([12], new Date('2026-12-01T02:00:00Z'), 'America/Santiago').opensAt).toBe(
      '2026-12-01T12:00:00.000Z',
    );
    // In UTC it is already 1 December at 02:00, before 09:00: still this month.
    expect(nextCampaignWindow([12], new Date('2026-12-01T02:00:00Z'), 'UTC').opensAt).toBe('2026-12-01T09:00:00.000Z');
    expect(nextCampaignWindow([3], new Date('2026-12-01T02:00:00Z'), 'UTC').opensAt).toBe('2027-03-01T09:00:00.000Z');
  });

  it('keeps the local opening hour across a daylight-saving change inside the window', () => {
    // Santiago leaves summer time on 4 April 2027: the window opens at UTC−3 and closes at UTC−4.
    const window = nextCampaignWindow([4], new Date('2027-03-20T12:00:00Z'), 'America/Santiago');
    expect(window).toEqual({ opensAt: '2027-04-01T12:00:00.000Z', closesAt: '2027-04-22T13:00:00.000Z' });
  });

  it('refuses an unknown zone', () => {
    expect(() => nextCampaignWindow([5], new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('checkCampaignMonths', () => {
  it('wants at least one month, each 1–12, none twice', () => {
    expect(checkCampaignMonths([5, 11])).toEqual([]);
    expect(checkCampaignMonths([])).toEqual(['choose at least one month']);
    expect(checkCampaignMonths([0, 13])).toEqual(['months are numbers from 1 to 12']);
    expect(checkCampaignMonths([5, 5])).toEqual(['a month appears twice']);
  });
});
