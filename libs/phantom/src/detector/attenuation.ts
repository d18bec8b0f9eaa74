/**
 * Photon attenuation data of the basis materials, from the NIST tables of Hubbell & Seltzer
 * (NISTIR 5632, "X-Ray Mass Attenuation Coefficients", physics.nist.gov/PhysRefData/XrayMassCoef,
 * the XCOM-based μ/ρ incl. coherent scattering, and μen/ρ): Table 4 "Water, Liquid",
 * "Bone, Cortical (ICRU-44)", "Air, Dry (near sea level)"; Table 3 Z = 13 (Al) and Z = 22 (Ti).
 * Energies in keV, coefficients in cm²/g. No absorption edge lies in 10–150 keV for these
 * materials, so log-log interpolation between the tabulated energies is accurate.
 */
const ENERGIES_KEV = [10, 15, 20, 30, 40, 50, 60, 80, 100, 150] as const;

const MASS_ATTENUATION = {
  water: [5.329, 1.673, 0.8096, 0.3756, 0.2683, 0.2269, 0.2059, 0.1837, 0.1707, 0.1505],
  corticalBone: [28.51, 9.032, 4.001, 1.331, 0.6655, 0.4242, 0.3148, 0.2229, 0.1855, 0.148],
  titanium: [110.8, 35.72, 15.86, 4.972, 2.214, 1.213, 0.7661, 0.4052, 0.2721, 0.1649],
  aluminium: [26.23, 7.955, 3.441, 1.128, 0.5685, 0.3681, 0.2778, 0.2018, 0.1704, 0.1378],
} as const;

/** μen/ρ of air: converts photon energy fluence to air kerma (what EI is calibrated in). */
const AIR_ENERGY_ABSORPTION = [
  4.742, 1.334, 0.5389, 0.1537, 0.06833, 0.04098, 0.03041, 0.02407, 0.02325, 0.02496,
];

export type AttenuatingMaterial = keyof typeof MASS_ATTENUATION;

/** Densities (g/cm³) of the phantom's basis materials (as documented on MaterialWeights) and the tube filter. */
export const DENSITY: Record<AttenuatingMaterial, number> = {
  water: 1.0,
  corticalBone: 1.92,
  titanium: 4.4,
  aluminium: 2.699,
};

function logLog(table: readonly number[], keV: number): number {
  const e = Math.min(Math.max(keV, ENERGIES_KEV[0]), ENERGIES_KEV[ENERGIES_KEV.length - 1]);
  let k = 0;
  while (k < ENERGIES_KEV.length - 2 && ENERGIES_KEV[k + 1] < e) k++;
  const f = Math.log(e / ENERGIES_KEV[k]) / Math.log(ENERGIES_KEV[k + 1] / ENERGIES_KEV[k]);
  return Math.exp(Math.log(table[k]) + f * (Math.log(table[k + 1]) - Math.log(table[k])));
}

/** Mass attenuation coefficient μ/ρ (cm²/g) at `keV` (10–150 keV). */
export function massAttenuation(material: AttenuatingMaterial, keV: number): number {
  return logLog(MASS_ATTENUATION[material], keV);
}

/** Linear attenuation coefficient μ (1/cm) at the material's density. */
export function linearAttenuation(material: AttenuatingMaterial, keV: number): number {
  return massAttenuation(material, keV) * DENSITY[material];
}

/** Mass energy-absorption coefficient of air μen/ρ (cm²/g). */
export function airEnergyAbsorption(keV: number): number {
  return logLog(AIR_ENERGY_ABSORPTION, keV);
}
