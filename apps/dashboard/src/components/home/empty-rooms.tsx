import { Code, List, Paper, Text, Title } from '@mantine/core';

/** No room has sent an image in the last 30 days: say how to send one. */
export function EmptyRooms() {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="rooms-empty">
      <Title order={2} size="h3" mb="sm">
        No rooms yet
      </Title>
      <Text mb="md">
        A room appears here when its DR device sends its first lumbar spine image. Point the device (or PACS)
        at SpineQC:
      </Text>
      <List spacing="sm">
        <List.Item>
          DICOM C-STORE to AE title <Code>SPINEQC</Code> on port <Code>11112</Code> of this server; the room
          is the image&apos;s StationName (0008,1010).
        </List.Item>
        <List.Item>
          or STOW-RS: <Code>POST /dicomweb/studies</Code> on the API (multipart/related;
          type=&quot;application/dicom&quot;).
        </List.Item>
      </List>
    </Paper>
  );
}
