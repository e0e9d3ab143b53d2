import { describe, expect, it } from 'vitest';
import { newTicketBody } from './new-ticket-request.js';
import { isEmptyAnswer } from './query-empty.js';
import { textToHtml } from './text-to-html.js';

describe('newTicketBody', () => {
  it("sends the portal's form: no requester, channel, impact or tags", () => {
    expect(
      newTicketBody({
        type: 'request',
        subject: '  New laptop ',
        description: 'Please\n\nthanks',
        serviceId: 's1',
        categoryId: null,
        urgency: 'low',
      }),
    ).toEqual({
      type: 'request',
      subject: 'New laptop',
      description: '<p>Please</p><p>thanks</p>',
      serviceId: 's1',
      categoryId: null,
      urgency: 'low',
    });
  });

  it("sends the desk's form with its extra fields and the uploaded files", () => {
    const body = newTicketBody(
      {
        type: 'incident',
        subject: 'VPN down',
        description: 'a <b>',
        serviceId: null,
        categoryId: 'c1',
        urgency: 'high',
        impact: 'medium',
        requesterId: 'u1',
        channel: 'phone',
        tags: ['vip'],
      },
      ['f1', 'f2'],
    );
    expect(body).toEqual({
      type: 'incident',
      subject: 'VPN down',
      description: '<p>a &lt;b&gt;</p>',
      serviceId: null,
      categoryId: 'c1',
      urgency: 'high',
      impact: 'medium',
      requesterId: 'u1',
      channel: 'phone',
      tags: ['vip'],
      attachmentIds: ['f1', 'f2'],
    });
  });

  it('leaves out empty tag and attachment lists', () => {
    const body = newTicketBody(
      { type: 'query', subject: 'q', description: 'd', serviceId: null, categoryId: null, urgency: 'medium', tags: [] },
      [],
    );
    expect(body).not.toHaveProperty('tags');
    expect(body).not.toHaveProperty('attachmentIds');
  });
});

describe('textToHtml', () => {
  it('makes paragraphs of blank-line blocks, keeps single breaks and escapes markup', () => {
    expect(textToHtml('one\r\ntwo\n\n\n"three" & <four>\n')).toBe(
      '<p>one<br>two</p><p>&quot;three&quot; &amp; &lt;four&gt;</p>',
    );
    expect(textToHtml('   \n\n ')).toBe('');
  });
});

describe('isEmptyAnswer', () => {
  it('sees no items in arrays, { items } and every page of an infinite answer', () => {
    expect(isEmptyAnswer([])).toBe(true);
    expect(isEmptyAnswer([1])).toBe(false);
    expect(isEmptyAnswer({ items: [], nextCursor: null })).toBe(true);
    expect(isEmptyAnswer({ pages: [{ items: [] }, { items: [] }], pageParams: [] })).toBe(true);
    expect(isEmptyAnswer({ pages: [{ items: [] }, { items: ['x'] }], pageParams: [] })).toBe(false);
    expect(isEmptyAnswer({ name: 'a record' })).toBe(false);
  });
});
