import { describe, expect, it } from 'vitest';
import { guessService, RECENT_TICKETS_CONSIDERED, type RecentScope } from './service-suggestion.js';

const mail = { id: 's-mail', name: 'Mail' };
const erp = { id: 's-erp', name: 'ERP' };
const login = { id: 'c-login', name: 'Login' };
const quota = { id: 'c-quota', name: 'Quota' };
const ticket = (service: RecentScope['service'], category: RecentScope['category'] = null): RecentScope => ({
  service,
  category,
});

describe('guessService', () => {
  it('guesses nothing without history', () => {
    expect(guessService([])).toEqual({ service: null, category: null, basedOn: 0 });
  });

  it('takes the most frequent service, and the most frequent category among its tickets', () => {
    const recent = [ticket(erp, login), ticket(mail, quota), ticket(mail, login), ticket(mail, quota), ticket(erp)];
    expect(guessService(recent)).toEqual({ service: mail, category: quota, basedOn: 5 });
  });

  it('breaks ties by the most recent ticket, for the service and for the category', () => {
    expect(guessService([ticket(erp), ticket(mail), ticket(mail), ticket(erp)]).service).toEqual(erp);
    expect(guessService([ticket(mail, login), ticket(mail, quota)]).category).toEqual(login);
  });

  it("never takes a category seen only with another service's tickets", () => {
    expect(guessService([ticket(mail), ticket(mail), ticket(erp, login)])).toEqual({
      service: mail,
      category: null,
      basedOn: 3,
    });
  });

  it(`reads only the latest ${RECENT_TICKETS_CONSIDERED} tickets`, () => {
    const recent = [
      ...Array.from({ length: RECENT_TICKETS_CONSIDERED }, () => ticket(erp)),
      ticket(mail),
      ticket(mail),
    ];
    const older = Array.from({ length: RECENT_TICKETS_CONSIDERED }, () => ticket(mail));
    expect(guessService([...recent, ...older])).toMatchObject({ service: erp, basedOn: RECENT_TICKETS_CONSIDERED });
  });
});
