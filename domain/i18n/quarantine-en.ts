import type { quarantineEs } from './quarantine-es.js';

/** English messages for Administration → Quarantine. Typed by the Spanish ones. */
export const quarantineEn: typeof quarantineEs = {
  quarantine: {
    title: 'Quarantine',
    description:
      'Files the virus scanner refused as infected, uploaded to a ticket or received by mail. They are no ticket’s attachments.',
    noDownloadTitle: 'They cannot be downloaded',
    noDownload:
      'A quarantined file is infected: Mesa hands it to no one, an administrator included. To analyse one, do it on the server (the quarantine/ folder of the file store); here it can only be deleted.',
    tableLabel: 'Quarantined files',
    empty: 'No files in quarantine',
    emptyHint: 'A file the virus scanner refuses shows here.',
    columns: { file: 'File', signature: 'Signature', cameWith: 'Came with', date: 'Date' },
    sizeBy: '{{size}} · sent by {{name}}',
    ticket: 'Ticket {{number}}: {{subject}}',
    mail: 'Mail from {{from}}: “{{subject}}”',
    noTicket: 'Upload without a ticket',
    delete: 'Delete',
    deleteOne: 'Delete {{name}} from the quarantine',
    deleteTitle: 'Delete the quarantined file',
    deleteMessage:
      'Delete {{name}}? Its bytes are removed from the server; a ticket it was sent to still says it was refused.',
  },
};
