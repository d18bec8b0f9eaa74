import { describe, expect, it } from 'vitest';
import { personName } from './entry.js';

describe('personName', () => {
  it('writes DICOM person names family first, as people read them', () => {
    expect(personName('Okafor^Ada')).toBe('Okafor, Ada');
    expect(personName('Silva^Marco^J^Dr^Jr')).toBe('Silva, Dr Marco J Jr');
    expect(personName('Novak')).toBe('Novak');
    expect(personName('Chen^Wei\\Novak^Jana')).toBe('Chen, Wei; Novak, Jana');
    expect(personName('Yamada^Tarou=山田^太郎')).toBe('Yamada, Tarou');
    expect(personName('')).toBe('');
  });
});
