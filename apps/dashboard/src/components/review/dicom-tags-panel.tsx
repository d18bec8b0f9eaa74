'use client';
import { Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { tagRows } from '@/lib/review/dicom-tags';
import { getDicomTags } from '@/lib/review/review-api';
import { ApiErrorAlert } from './api-error-alert';
import { useAsync } from './use-async';

/** The acquisition attributes that matter to a disputed verdict. The API sends no patient identity. */
export function DicomTagsPanel({ examId }: { examId: string }) {
  const tags = useAsync(`tags ${examId}`, (signal) => getDicomTags(examId, { signal }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tags-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="tags-heading">
          DICOM attributes
        </Title>
        {tags.error !== undefined && (
          <ApiErrorAlert
            title="The DICOM attributes could not be read"
            error={tags.error}
            onRetry={tags.reload}
          />
        )}
        {tags.loading && !tags.data && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Reading the file…</Text>
          </Group>
        )}
        {tags.data && (
          <Table data-testid="review-tags" data-format={tags.data.format} verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {tagRows(tags.data).map((row) => (
                <Table.Tr
                  key={row.keyword}
                  data-keyword={row.keyword}
                  data-flagged={row.flag ? 'true' : undefined}
                >
                  <Table.Th scope="row" fw={400} c="dimmed" w={170} title={row.keyword}>
                    {row.label}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" fw={row.flag ? 700 : undefined} c={row.flag ? 'red.8' : undefined}>
                      {row.value}
                    </Text>
                    {row.flag && (
                      <Group gap={4} wrap="nowrap" c="red.8">
                        <IconAlertTriangle size={14} aria-hidden />
                        <Text size="xs" c="red.8">
                          {row.flag}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
