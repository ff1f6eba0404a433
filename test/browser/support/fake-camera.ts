import { closeSync, openSync, writeSync } from 'node:fs';
import { PNG } from 'pngjs';
import { COUPONS_PER_PAGE, couponBox } from '../../../src/modules/printing/render/carnet-document';
import { rasterisePage, type RasterPage } from '../../support/pdf';

/** What the camera gives (a phone's back camera at its usual web resolution). */
export const CAMERA_FRAME = { width: 1280, height: 720 };

/** The page of the carnet PDF that carries its n-th chèque (0-based), rasterised as printed: the cover comes first. */
export function chequePage(pdf: Buffer, chequeIndex: number, dpi = 150): RasterPage {
  return rasterisePage(pdf, 2 + Math.floor(chequeIndex / COUPONS_PER_PAGE), dpi);
}

/** The n-th chèque's coupon, cut from its rasterised page as it would be from the paper. */
export function chequeCoupon({ png, dpi }: RasterPage, chequeIndex: number): PNG {
  const box = couponBox(chequeIndex % COUPONS_PER_PAGE);
  const scale = dpi / 72;
  const x = Math.floor(box.x * scale);
  const y = Math.floor(box.y * scale);
  const width = Math.min(png.width - x, Math.ceil(box.width * scale), CAMERA_FRAME.width);
  const height = Math.min(png.height - y, Math.ceil(box.height * scale), CAMERA_FRAME.height);
  const coupon = new PNG({ width, height });
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * png.width + x) * 4;
    png.data.copy(coupon.data, row * width * 4, from, from + width * 4);
  }
  return coupon;
}

/** A camera frame with the n-th chèque held up in front of it: its coupon centred on the desk (light grey). */
export function chequeFrame(raster: RasterPage, chequeIndex: number): PNG {
  const coupon = chequeCoupon(raster, chequeIndex);
  const frame = blankFrame();
  const left = Math.floor((CAMERA_FRAME.width - coupon.width) / 2);
  const top = Math.floor((CAMERA_FRAME.height - coupon.height) / 2);
  for (let row = 0; row < coupon.height; row++) {
    coupon.data.copy(frame.data, ((top + row) * CAMERA_FRAME.width + left) * 4, row * coupon.width * 4, (row + 1) * coupon.width * 4);
  }
  return frame;
}

/** The desk's grey, on every channel. */
export const DESK_GREY = 0xd8;

/** The desk with no chèque on it. */
export function blankFrame(): PNG {
  const frame = new PNG({ width: CAMERA_FRAME.width, height: CAMERA_FRAME.height });
  frame.data.fill(DESK_GREY);
  for (let alpha = 3; alpha < frame.data.length; alpha += 4) frame.data[alpha] = 0xff;
  return frame;
}

/** RGBA pixels → the three planes of a 4:2:0 frame (BT.601, studio range), as cameras send them. */
function i420Of(frame: PNG): Buffer {
  const { width, height, data } = frame;
  const luma = Buffer.alloc(width * height);
  const chromaWidth = width / 2;
  const chromaHeight = height / 2;
  const u = Buffer.alloc(chromaWidth * chromaHeight);
  const v = Buffer.alloc(chromaWidth * chromaHeight);
  for (let index = 0; index < width * height; index++) {
    const [r, g, b] = [data[index * 4]!, data[index * 4 + 1]!, data[index * 4 + 2]!];
    luma[index] = Math.round(16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256);
  }
  for (let row = 0; row < chromaHeight; row++) {
    for (let column = 0; column < chromaWidth; column++) {
      let [r, g, b] = [0, 0, 0];
      for (const [dy, dx] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        const at = ((2 * row + dy) * width + 2 * column + dx) * 4;
        r += data[at]!;
        g += data[at + 1]!;
        b += data[at + 2]!;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      u[row * chromaWidth + column] = Math.round(128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256);
      v[row * chromaWidth + column] = Math.round(128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256);
    }
  }
  return Buffer.concat([luma, u, v]);
}

/**
 * Writes a YUV4MPEG2 video (the uncompressed format Chromium's fake capture device plays, in a loop):
 * a header line, then each frame as `FRAME` + its 4:2:0 planes. `scenes` say which frame to show for how
 * many seconds, in order.
 */
export function writeY4m(path: string, scenes: { frame: PNG; seconds: number }[], framesPerSecond: number): void {
  const file = openSync(path, 'w');
  try {
    writeSync(file, `YUV4MPEG2 W${CAMERA_FRAME.width} H${CAMERA_FRAME.height} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`);
    for (const { frame, seconds } of scenes) {
      const planes = i420Of(frame);
      for (let count = 0; count < Math.round(seconds * framesPerSecond); count++) {
        writeSync(file, 'FRAME\n');
        writeSync(file, planes);
      }
    }
  } finally {
    closeSync(file);
  }
}
