/** Storage SOP classes SpineQC judges: projection radiography and the secondary captures DR consoles send. */
export const ACCEPTED_SOP_CLASSES: Record<string, string> = {
  '1.2.840.10008.5.1.4.1.1.1.1': 'Digital X-Ray Image Storage – For Presentation',
  '1.2.840.10008.5.1.4.1.1.1.1.1': 'Digital X-Ray Image Storage – For Processing',
  '1.2.840.10008.5.1.4.1.1.1': 'Computed Radiography Image Storage',
  '1.2.840.10008.5.1.4.1.1.7': 'Secondary Capture Image Storage',
  '1.2.840.10008.5.1.4.1.1.7.2': 'Multi-frame Grayscale Byte Secondary Capture Image Storage',
  '1.2.840.10008.5.1.4.1.1.7.3': 'Multi-frame Grayscale Word Secondary Capture Image Storage',
};
