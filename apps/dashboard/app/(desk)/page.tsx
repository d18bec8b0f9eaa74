import type { Metadata } from 'next';
import { RoomsHome } from '@/components/home/rooms-home';

export const metadata: Metadata = { title: 'Rooms' };

export default function HomePage() {
  return <RoomsHome />;
}
