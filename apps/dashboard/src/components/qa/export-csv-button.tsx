'use client';
import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { listExams } from '@/lib/api-client';
import { examsCsvFileName, examsToCsv } from '@/lib/qa/csv';
import { examsQuery, type QaFilters } from '@/lib/qa/filters';
import { fetchAllPages } from '@/lib/qa/paging';
import { ApiErrorAlert } from './api-error-alert';

const PAGE_SIZE = 500; // the API's largest page

/** Downloads every exam matching the filters as CSV, walking the API's pages. */
export function ExportCsvButton({ filters }: { filters: QaFilters }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);

  async function exportCsv() {
    setError(null);
    setProgress(0);
    try {
      const query = examsQuery(filters);
      const exams = await fetchAllPages((cursor) => listExams({ ...query, limit: PAGE_SIZE, cursor }), {
        onProgress: setProgress,
      });
      download(examsToCsv(exams), examsCsvFileName(filters.from, filters.to));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack gap={4} align="flex-end">
      <Button
        leftSection={<IconDownload size={16} aria-hidden />}
        variant="light"
        onClick={exportCsv}
        loading={progress !== null}
        data-testid="qa-export-csv"
      >
        Export CSV
      </Button>
      <Text size="xs" c="dimmed" aria-live="polite">
        {progress !== null ? `Exporting… ${progress} exams` : ''}
      </Text>
      {error && <ApiErrorAlert title="Export failed" error={error} />}
    </Stack>
  );
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
