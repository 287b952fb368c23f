/** The colors both renderers use, so that Mermaid and SVG drawings read alike. */
export const PALETTE = {
  visitedFill: '#dcfce7',
  visitedStroke: '#16a34a',
  failedFill: '#fee2e2',
  failedStroke: '#dc2626',
  takenEdge: '#16a34a',
  catchEdge: '#b45309',
  containerStroke: '#64748b',
} as const;
