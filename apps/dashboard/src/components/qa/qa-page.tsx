import { Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { QaDashboard } from './qa-dashboard';

/** The /qa page. Its filters come from the URL (useSearchParams), which Next renders inside a Suspense boundary. */
export function QaPage() {
  return (
    <Suspense
      fallback={
        <Center h={300}>
          <Loader aria-label="Loading the QA page" />
        </Center>
      }
    >
      <QaDashboard />
    </Suspense>
  );
}
