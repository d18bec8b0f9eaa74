import type { Metadata } from 'next';
import { RoomTablet } from '@/components/room/room-tablet';

type RoomParams = { params: Promise<{ station: string }> };

function stationName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: RoomParams): Promise<Metadata> {
  return { title: stationName((await params).station) };
}

export default async function RoomPage({ params }: RoomParams) {
  const station = stationName((await params).station);
  // Keyed by room, so switching rooms starts from a clean state and a new live subscription.
  return <RoomTablet key={station} station={station} />;
}
