import { Badge } from '@mantine/core';
import { IconCircleCheck, IconHourglassHigh, IconSkull } from '@tabler/icons-react';
import { DELIVERY_STATUS_WORDS } from '@/lib/admin/deliveries';
import type { DeliveryStatus } from '@/lib/admin/types';

const LOOK = {
  pending: { color: 'blue', Icon: IconHourglassHigh },
  delivered: { color: 'teal', Icon: IconCircleCheck },
  dead: { color: 'red', Icon: IconSkull },
} as const;

/** A delivery's state as an icon and a word, never colour alone. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { color, Icon } = LOOK[status];
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      size="lg"
      leftSection={<Icon size={16} aria-hidden />}
      // A table column must not squeeze the word into an ellipsis.
      style={{ minWidth: 'max-content' }}
      data-testid="delivery-status"
    >
      {DELIVERY_STATUS_WORDS[status]}
    </Badge>
  );
}
