import type { problemsEs } from './problems-es.js';

/** English messages for problem management. Typed by the Spanish ones. */
export const problemsEn: typeof problemsEs = {
  problems: {
    title: 'Problems',
    number: 'Problem {{number}}',
    statuses: {
      new: 'New',
      investigating: 'Investigating',
      known_error: 'Known error',
      resolved: 'Resolved',
      closed: 'Closed',
      cancelled: 'Cancelled',
    },
    fields: {
      subject: 'Subject',
      description: 'Description',
      organizations: 'Organizations affected',
      services: 'Services affected',
      impact: 'Impact',
      urgency: 'Urgency',
      priority: 'Priority',
      group: 'Owner group',
      owner: 'Owner',
      symptom: 'Symptom',
      cause: 'Root cause',
      businessImpact: 'Business impact',
      workaroundDesk: 'Workaround (for the desk)',
      workaroundPublic: 'Workaround (for requesters)',
      permanentFix: 'Permanent fix',
      fixReferences: 'Fix references',
    },
    fixReferenceKinds: { change: 'Change', vendor_case: 'Vendor case' },
    incidents: {
      title: 'Linked incidents',
      count: '{{count}} incidents',
      byOrganization: 'By organization',
      overTime: 'Incidents over time',
      link: 'Link incidents',
      unlink: 'Unlink',
    },
    knownErrors: {
      title: 'Known errors',
      search: 'Search known errors',
      empty: 'No known error matches',
      applications: 'Applied {{count}} times',
      applyAsReply: 'Apply as a reply',
      applyAsNote: 'Apply as an internal note',
    },
    timeline: {
      created: 'recorded the problem',
      updated: 'updated the problem',
      status_changed: 'changed the status to {{status}}',
      note: 'wrote a note',
      incidents_linked: 'linked {{numbers}}',
      incident_unlinked: 'unlinked {{numbers}}',
      workaround_applied: 'applied the workaround to {{number}}',
    },
    ticketTimeline: {
      linked: 'linked the ticket to problem {{number}}',
      unlinked: 'unlinked the ticket from problem {{number}}',
    },
    knownIssue: {
      title: 'Known issue',
      message: 'This is a known issue and we are working on it. We will let you know once it is fixed.',
      workaround: 'Meanwhile, you can do this:',
    },
    /** Resolving a problem's incidents (problem-resolution.service.ts): what each requester is told. */
    resolveIncidents: {
      message:
        '<p>We have fixed the cause of this incident, which affected other users too. If it happens again, reply to this message and we will reopen it.</p>',
      notes: 'Resolved when the problem behind it was fixed',
    },
  },
};
