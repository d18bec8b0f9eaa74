import { describe, expect, it } from 'vitest';
import { airEnergyAbsorption, linearAttenuation, massAttenuation } from './attenuation.js';

describe('attenuation data', () => {
  it('reproduces the tabulated NIST values at the table energies', () => {
    expect(massAttenuation('water', 60)).toBeCloseTo(0.2059, 6);
    expect(massAttenuation('corticalBone', 40)).toBeCloseTo(0.6655, 6);
    expect(massAttenuation('titanium', 80)).toBeCloseTo(0.4052, 6);
    expect(airEnergyAbsorption(30)).toBeCloseTo(0.1537, 6);
  });

  it('interpolates log-log: between nodes, a power law through the neighbours', () => {
    const mid = massAttenuation('water', Math.sqrt(40 * 50));
    expect(mid).toBeCloseTo(Math.sqrt(0.2683 * 0.2269), 6);
  });

  it('falls with energy, and bone and titanium attenuate more than soft tissue per cm', () => {
    for (let e = 20; e < 100; e += 5) {
      expect(linearAttenuation('water', e + 5)).toBeLessThan(linearAttenuation('water', e));
      expect(linearAttenuation('corticalBone', e)).toBeGreaterThan(linearAttenuation('water', e));
      expect(linearAttenuation('titanium', e)).toBeGreaterThan(linearAttenuation('corticalBone', e));
    }
  });

  it('gives more bone/soft-tissue contrast at low energy (photoelectric effect)', () => {
    const ratio = (e: number) => linearAttenuation('corticalBone', e) / linearAttenuation('water', e);
    expect(ratio(30)).toBeGreaterThan(ratio(50));
    expect(ratio(50)).toBeGreaterThan(ratio(80));
  });
});
