import { Paper, Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from './query-states.js';

/**
 * A list the server answers, shown as the admin screens show lists: loading, an error with
 * retry, the empty message in a bordered panel, or a bordered table with one row per item.
 */
export function QueryTable<T>({
  query,
  label,
  minWidth,
  head,
  empty,
  alignTop = false,
  children,
}: {
  query: UseQueryResult<T[]>;
  /** The table's accessible name. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The header cells. */
  head: ReactNode;
  /** What an empty list shows (an EmptyMessage). */
  empty: ReactNode;
  /** Top-align cells, for rows whose cells hold several lines. */
  alignTop?: boolean;
  /** One `Table.Tr` (with its key) per item. */
  children: (item: T) => ReactNode;
}) {
  return (
    <QueryState query={query}>
      {(items) => (
        <Paper withBorder radius="md">
          {items.length === 0 ? (
            empty
          ) : (
            <Table.ScrollContainer minWidth={minWidth}>
              <Table
                verticalSpacing={6}
                fz="sm"
                highlightOnHover
                aria-label={label}
                style={alignTop ? { verticalAlign: 'top' } : undefined}
              >
                <Table.Thead>
                  <Table.Tr>{head}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>{items.map(children)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </QueryState>
  );
}
