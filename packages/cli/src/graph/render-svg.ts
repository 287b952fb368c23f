/**
 * Renders DOT to SVG with Graphviz compiled to WebAssembly: no browser, no
 * native binary and no download, since @viz-js/viz ships the module inline.
 * Loaded only by the commands that draw SVG.
 */
export async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg' });
}
