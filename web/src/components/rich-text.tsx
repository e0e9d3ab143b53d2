import { Typography } from '@mantine/core';

/** Server HTML (sanitized on the server before it is stored), shown with the app's typography. */
export function RichText({ html }: { html: string }) {
  return (
    <Typography
      fz="sm"
      style={{ overflowWrap: 'anywhere' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the API sanitizes every HTML body before storing it.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
