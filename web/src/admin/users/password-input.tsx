import { Anchor, PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Readable and random: four groups of four, about 90 bits. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A new password for someone else, with a link that makes a good one and shows it to pass on. */
export function NewPasswordInput({
  value,
  onChange,
  visible,
  onVisibleChange,
  description,
  ...props
}: Omit<PasswordInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  visible: boolean;
  onVisibleChange: (visible: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      visible={visible}
      onVisibilityChange={onVisibleChange}
      description={
        <>
          {description}{' '}
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => {
              onChange(generatePassword());
              onVisibleChange(true);
            }}
          >
            {t('users.generatePassword')}
          </Anchor>
        </>
      }
      {...props}
    />
  );
}
