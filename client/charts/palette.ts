// Chart colours: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.

/**
 * Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, grey ink; tie
 * bands a light grey that keeps the axis grey readable on it.
 */
export const palette = {
  estimate: '#0072B2',
  flagged: '#D55E00',
  bar: '#0072B2',
  axis: '#57606a',
  grid: '#d0d7de',
  reference: '#009E73',
  band: '#eef0f3',
} as const;
