import { Button, Loader, Text } from '@mantine/core';

/** What an infinite (newest-first, keyset-paged) list query tells its footer. */
interface PagedQuery {
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The footer of a newest-first list loaded page by page: a loader while the first page comes, a
 * line when nothing matches, and the button that loads older entries.
 */
export function OlderPages({
  query,
  shown,
  what,
  empty,
}: {
  query: PagedQuery;
  /** How many entries are on screen. */
  shown: number;
  /** Plural noun of the entries ("frames", "events"). */
  what: string;
  /** The line shown when nothing matches. */
  empty: string;
}) {
  return (
    <>
      {query.isPending && <Loader size="sm" aria-label={`Loading ${what}`} />}
      {!query.isPending && shown === 0 && <Text c="dimmed">{empty}</Text>}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load older {what}
        </Button>
      )}
    </>
  );
}
