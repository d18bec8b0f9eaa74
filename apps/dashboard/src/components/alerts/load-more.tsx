import { Button, Group } from '@mantine/core';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import type { CursorList } from './use-cursor-list';

/** The foot of a cursor-paged list: why the next page failed, and the button that fetches it. */
export function LoadMore<T>({ list, what, testId }: { list: CursorList<T>; what: string; testId: string }) {
  return (
    <>
      {list.moreError && <ApiErrorAlert title={`Could not load more ${what}`} error={list.moreError} />}
      {list.nextCursor && (
        <Group justify="center">
          <Button variant="default" onClick={list.loadMore} loading={list.loadingMore} data-testid={testId}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
