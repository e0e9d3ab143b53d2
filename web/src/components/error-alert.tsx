import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-messages.js';

/**
 * The error of a failed change, above the form. Field errors the form shows next to its
 * fields are left out here; any other ones are listed so nothing the API said is lost.
 */
export function ErrorAlert({
  error,
  fields = [],
  title,
}: {
  error: unknown;
  fields?: readonly string[];
  title?: string;
}) {
  const { t } = useTranslation();
  const { message, otherFields } = useErrorText();
  if (!error) return null;
  const others = otherFields(error, fields);
  return (
    <Alert color="red" variant="light" title={title ?? t('common.couldNotSave')} role="alert">
      <Text size="sm">{message(error)}</Text>
      {others.length > 0 ? (
        <List size="sm" mt="xs">
          {others.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
