import { Kbd, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

export const SEARCH_BOX_ATTRIBUTE = 'data-search-box';

/**
 * The page's search box: `/` focuses it (see shortcuts.tsx), and it reports the text a moment
 * after typing stops, so a list is not asked for on every keystroke.
 */
export function SearchInput({
  onSearch,
  initialValue = '',
  ...props
}: Omit<TextInputProps, 'onChange' | 'value'> & { onSearch: (value: string) => void; initialValue?: string }) {
  const [value, setValue] = useState(initialValue);
  const [debounced] = useDebouncedValue(value.trim(), 250);
  // Only a change of the text reports; a caller passing a new function each render does not.
  const report = useRef(onSearch);
  report.current = onSearch;
  useEffect(() => {
    report.current(debounced);
  }, [debounced]);
  return (
    <TextInput
      type="search"
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) {
          event.stopPropagation();
          setValue('');
        }
      }}
      rightSection={
        <Kbd size="xs" visibleFrom="sm">
          /
        </Kbd>
      }
      rightSectionPointerEvents="none"
      {...{ [SEARCH_BOX_ATTRIBUTE]: '' }}
      {...props}
    />
  );
}
