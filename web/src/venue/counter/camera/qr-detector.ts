// The ZXing WebAssembly that reads QR codes where the browser has no BarcodeDetector of its own: Vite copies
// it into web/dist/assets (hashed, cached for good) and it is fetched from our origin, never from a CDN.
// zxing-wasm is barcode-detector's own dependency: the file always matches the polyfill's JavaScript.
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Reads the QR codes' texts in an image (a video element showing the camera, a canvas, a bitmap). */
export interface QrDetector {
  detect(source: ImageBitmapSource): Promise<string[]>;
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<readonly string[]>;
}

function wrap(detector: BarcodeDetectorLike): QrDetector {
  return { detect: async (source) => (await detector.detect(source)).map((barcode) => barcode.rawValue) };
}

let loading: Promise<QrDetector> | null = null;

/**
 * The BarcodeDetector API: the browser's own where it reads QR codes (Chrome on Android, macOS,
 * ChromeOS), else the `barcode-detector` polyfill (ZXing-C++ in WebAssembly). The polyfill's code and
 * WASM are loaded only when the camera is first opened, so the counter's first load carries neither.
 */
export function loadQrDetector(): Promise<QrDetector> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<QrDetector> {
  const native = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats().catch((): readonly string[] => [])).includes('qr_code'))
    return wrap(new native({ formats: ['qr_code'] }));
  // Also installs the polyfill as window.BarcodeDetector where the browser has none.
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector');
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path) },
    fireImmediately: true,
  });
  return wrap(new BarcodeDetector({ formats: ['qr_code'] }));
}
