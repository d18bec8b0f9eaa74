import { describe, expect, it } from 'vitest';
import { withBoundPort } from './bound-url.js';

describe('withBoundPort', () => {
  it('puts the bound port into a URL built for port 0', () => {
    expect(withBoundPort('http://localhost:0', 41234)).toBe('http://localhost:41234');
    expect(withBoundPort('http://127.0.0.1:0/spineqc', 8080)).toBe('http://127.0.0.1:8080/spineqc');
  });

  it('leaves every other URL as it is', () => {
    expect(withBoundPort('http://localhost:8080', 41234)).toBe('http://localhost:8080');
    expect(withBoundPort('https://qc.example.org', 41234)).toBe('https://qc.example.org');
    expect(withBoundPort('https://qc.example.org:8443/api-root', 1)).toBe(
      'https://qc.example.org:8443/api-root',
    );
  });
});
