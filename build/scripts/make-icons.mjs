// `npm run icons`: draws the app icon — a white shield with a keyhole on Rijksoverheid blue — and
// writes build/icons/NxN.png (Linux), build/icon.png (512 px) and build/icon.ico (Windows, PNG
// entries up to 256 px). Plain geometry with 4×4 supersampling; PNG and ICO are written with
// Node's zlib, so no image tool is needed on the build machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const blue = [0x15, 0x42, 0x73];
const white = [0xff, 0xff, 0xff];

function inRoundedSquare(x, y) {
  const m = 0.04;
  const r = 0.18;
  if (x < m || x > 1 - m || y < m || y > 1 - m) return false;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inShield(x, y) {
  const half = 0.24;
  if (y < 0.18 || y > 0.86) return false;
  if (y <= 0.56) return Math.abs(x - 0.5) <= half;
  const t = (y - 0.56) / 0.3;
  return Math.abs(x - 0.5) <= half * Math.sqrt(Math.max(0, 1 - t * t));
}

function inKeyhole(x, y) {
  if ((x - 0.5) ** 2 + (y - 0.44) ** 2 <= 0.075 ** 2) return true;
  if (y < 0.46 || y > 0.68) return false;
  const t = (y - 0.46) / 0.22;
  return Math.abs(x - 0.5) <= 0.03 + 0.025 * t;
}

/** RGBA pixels of the icon at `size` × `size`. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let a = 0;
      const rgb = [0, 0, 0];
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const x = (i + (si + 0.5) / n) / size;
          const y = (j + (sj + 0.5) / n) / size;
          if (!inRoundedSquare(x, y)) continue;
          const c = inShield(x, y) && !inKeyhole(x, y) ? white : blue;
          a++;
          for (let k = 0; k < 3; k++) rgb[k] += c[k];
        }
      }
      const o = (j * size + i) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = a ? Math.round(rgb[k] / a) : 0;
      px[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return px;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const px = draw(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) px.copy(raw, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file whose entries are PNG images (Windows Vista and later read them). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

mkdirSync('build/icons', { recursive: true });
const pngs = new Map([16, 24, 32, 48, 64, 128, 256, 512].map((s) => [s, png(s)]));
for (const [size, data] of pngs) writeFileSync(`build/icons/${size}x${size}.png`, data);
writeFileSync('build/icon.png', pngs.get(512));
writeFileSync('build/icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs.get(size) }))));
console.log('wrote build/icons/*.png, build/icon.png, build/icon.ico');
