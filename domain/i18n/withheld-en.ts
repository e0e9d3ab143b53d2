import type { withheldEs } from './withheld-es.js';

/** English messages for the files withheld from a mail (ticket page, staff only). Typed by the Spanish ones. */
export const withheldEn: typeof withheldEs = {
  withheld: {
    title: 'Files not attached',
    hint: 'They came with the mail, but the desk did not store them as attachments. They stay in the original message: download one only if you know what it is.',
    staffOnly: 'Staff only',
    /** The line under the message the requester wrote, in their language. */
    notAttached: 'Not attached',
    cameWithDescription: 'with the mail that raised the ticket',
    cameWithReply: 'with a reply of',
    download: 'Download from the original',
    downloadOne: 'Download from the original: {{name}}',
    reasons: {
      executable: 'A program, or named as one',
      svg: 'SVG image: it can carry scripts',
      unknown_type: 'Type of file not recognized',
      too_large: 'Larger than the limit',
      archive: 'Archive refused (too large, nested too deep or damaged)',
      infected: 'Found infected by the virus scanner (in quarantine)',
      refused: 'Refused',
    },
  },
};
