import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './index.js';

describe('createJsonLogger', () => {
  it('writes one JSON object per line and drops levels below the threshold', () => {
    const lines: string[] = [];
    const log = createJsonLogger('api', 'info', (l) => lines.push(l));
    log.debug('hidden');
    log.info('image received', { sopInstanceUid: '1.2.3' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', component: 'api', sopInstanceUid: '1.2.3' });
  });
});
