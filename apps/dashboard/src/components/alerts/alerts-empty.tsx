import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { ALERT_RULES, ALERT_RULE_KINDS } from '@/lib/alerts/rules';

/** No alerts (yet, or for these filters): say what would raise one. */
export function AlertsEmpty({ filtered }: { filtered: boolean }) {
  return (
    <Paper withBorder p="lg" data-testid="alerts-empty">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {filtered ? 'No alerts match these filters' : 'No alerts so far'}
        </Title>
        <Text>
          An alert is raised when a problem repeats, not for a single failed film. With the default rules:
        </Text>
        <List spacing="xs">
          {ALERT_RULE_KINDS.map((kind) => (
            <List.Item key={kind}>
              <Text span fw={600}>
                {ALERT_RULES[kind].label}
              </Text>
              : {ALERT_RULES[kind].explanation}
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          Each rule has a cool-down, so one problem raises one alert. Alerts can also be sent to other systems
          by webhook (see Webhooks).
        </Text>
      </Stack>
    </Paper>
  );
}
