// The Trellis mark, in a 24-unit box: an arched trellis (frame and lattice)
// with a leaf. The header draws it as SVG, the certificate PDF with pdf-lib,
// and public/favicon.svg repeats it on a rounded square.
export const MARK = {
  frame: 'M6 21V9.5a6 6 0 0 1 12 0V21',
  lattice: 'M12.5 3.5L18 9M8 5L18 15M6 9L18 21M6 15L12 21M6 9L11.5 3.5M6 15L16 5M6 21L18 9M12 21L18 15',
  leaf: 'M18 13c2.4-.6 3.7.6 3.9 2.4-2.4.6-3.7-.6-3.9-2.4z',
} as const
