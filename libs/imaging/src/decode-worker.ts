import { preloadCodecs } from './native-codecs.js';
import { decodeRadiographAsync, type Radiograph } from './radiograph.js';
import { serveTasks } from './worker-messages.js';

// Worker thread of createDecodePool: decodes one image per task and moves its pixels back.

// Instantiating the codecs takes a while; do it before the first compressed image arrives. A failure
// is reported by that image's decode, which tries again.
preloadCodecs().catch(() => undefined);

serveTasks<Uint8Array, Radiograph>(async (bytes) => {
  const radiograph = await decodeRadiographAsync(bytes);
  const { pixels } = radiograph;
  // Only a buffer the pixels own entirely may be moved; a view into a shared one is copied.
  const owned = pixels.byteOffset === 0 && pixels.byteLength === pixels.buffer.byteLength;
  return { result: radiograph, transfer: owned ? [pixels.buffer as ArrayBuffer] : [] };
});
