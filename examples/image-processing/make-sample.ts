// Writes fixtures/sample.png: a 64x48 picture of four coloured quadrants, so that a thumbnail's
// corners show whether the downscale kept them in place.
import { writeFileSync } from 'node:fs';
import { encodePng, type Image } from './png';

export function samplePicture(width = 64, height = 48): Image {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const left = x < width / 2;
      const top = y < height / 2;
      const rgb = top ? (left ? [220, 40, 40] : [40, 200, 60]) : left ? [40, 80, 220] : [240, 220, 40];
      pixels.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return { width, height, pixels };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('./fixtures/sample.png', import.meta.url), encodePng(samplePicture()));
}
