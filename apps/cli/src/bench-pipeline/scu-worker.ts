import { parentPort } from 'node:worker_threads';
import dcmjsDimse from 'dcmjs-dimse';
import { epochMs } from './clock.js';
import { splitPart10 } from './part10.js';
import type { StoreOrder, StoreReport } from './store-messages.js';

// The C-STORE SCU runs on its own thread: encoding a 2 MB data set takes tens of milliseconds,
// which on the main thread would delay the moment a verdict event is seen, inflating latencies.
const { Client, Dataset, requests } = dcmjsDimse;
const SUCCESS = 0x0000;
const TIMEOUT_MS = 30_000;

dcmjsDimse.log.setLevel('silent');

/** One association per image, as a DR console sends each exposure; resolves at the C-STORE response. */
function store(order: StoreOrder): Promise<StoreReport> {
  return new Promise((resolve) => {
    const fail = (message: string) => resolve({ id: order.id, ok: false, message });
    let dataset;
    try {
      const { transferSyntaxUid, dataset: bytes } = splitPart10(order.bytes);
      dataset = new Dataset(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), transferSyntaxUid);
    } catch (error) {
      return fail(`cannot read the film: ${(error as Error).message}`);
    }
    const request = new requests.CStoreRequest(dataset);
    const client = new Client();
    client.addRequest(request);
    const startedAt = epochMs();
    let answered = false;
    request.on('response', (response) => {
      const completedAt = epochMs();
      answered = true;
      const status = response.getStatus();
      if (status === SUCCESS) resolve({ id: order.id, ok: true, startedAt, completedAt });
      else fail(`C-STORE status 0x${status.toString(16).padStart(4, '0')}`);
    });
    client.on('associationRejected', () => fail('association rejected'));
    client.on('networkError', (error: Error) => fail(`network error: ${error.message}`));
    client.on('closed', () => answered || fail('association closed without a C-STORE response'));
    client.send(order.host, order.port, order.callingAeTitle, order.calledAeTitle, {
      connectTimeout: TIMEOUT_MS,
      associationTimeout: TIMEOUT_MS,
      pduTimeout: TIMEOUT_MS,
    });
  });
}

parentPort?.on('message', (order: StoreOrder) => {
  void store(order).then((report) => parentPort!.postMessage(report));
});
