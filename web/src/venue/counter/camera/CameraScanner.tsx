import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type CameraProblem, cameraProblemMessage, cameraProblemOf } from './camera-problem';
import { loadQrDetector, type QrDetector } from './qr-detector';
import { CHECKING, type ScanFeedback, scanFeedbackOf, type ScanOutcome } from './scan-feedback';
import { pauseBeforeNextReading } from './scan-pace';
import { Sightings } from './sightings';
import './camera-scanner.css';

/** A chèque taken out of view for this long, then shown again, is read again. */
const FORGET_AFTER_MS = 1500;

const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  // The phone's back camera; a PC's webcam otherwise.
  facingMode: { ideal: 'environment' },
  width: { ideal: 1280 },
  height: { ideal: 720 },
};

interface CameraSession {
  stop(): void;
}

/**
 * Continuous QR reading for the counter: the camera's frames go through the BarcodeDetector API (see
 * qr-detector.ts), each chèque coming into view is handed once to `onScan` — the counter checks it and
 * fills the basket exactly as for a typed code — and what became of it is said under the image, in words
 * with an icon and a coloured frame (announced to screen readers). The camera stops when the agent asks,
 * and when the page is left.
 */
export function CameraScanner({ onScan }: { onScan: (qr: string) => Promise<ScanOutcome> }) {
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const session = useRef<CameraSession | null>(null);
  const sightings = useRef(new Sightings(FORGET_AFTER_MS));
  /** The counter's latest handler: it reads the basket of the latest render. */
  const latestOnScan = useRef(onScan);
  useLayoutEffect(() => {
    latestOnScan.current = onScan;
  });
  useEffect(() => () => session.current?.stop(), []);

  function stop() {
    session.current?.stop();
    session.current = null;
    setState('off');
    setFeedback(null);
  }

  async function start() {
    setProblem(null);
    setFeedback(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('unavailable');
      return;
    }
    setState('starting');
    // Fetched while the browser asks for the permission.
    const detectorLoaded = loadQrDetector();
    detectorLoaded.catch(() => undefined);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: VIDEO_CONSTRAINTS });
    } catch (error) {
      setState('off');
      setProblem(cameraProblemOf(error));
      return;
    }
    const stopTracks = () => stream.getTracks().forEach((track) => track.stop());
    let detector: QrDetector;
    try {
      detector = await detectorLoaded;
    } catch {
      stopTracks();
      setState('off');
      setProblem('decoder');
      return;
    }
    const element = video.current;
    if (!element) {
      // The page was left while the permission was asked.
      stopTracks();
      return;
    }
    element.srcObject = stream;
    await element.play().catch(() => undefined);
    const stopLoop = scanContinuously(element, detector, (texts) => handle(texts));
    session.current = {
      stop() {
        stopLoop();
        stopTracks();
        element.srcObject = null;
      },
    };
    setState('on');
  }

  async function handle(texts: string[]): Promise<void> {
    for (const text of sightings.current.fresh(texts, performance.now())) {
      setFeedback(CHECKING);
      const outcome = await latestOnScan.current(text);
      sightings.current.stillSeen(text, performance.now());
      setFeedback(scanFeedbackOf(outcome));
      navigator.vibrate?.(outcome.kind === 'added' ? 80 : [80, 60, 80]);
    }
  }

  useEffect(() => {
    if (state === 'off') sightings.current.clear();
  }, [state]);

  const shownProblem = problem ? cameraProblemMessage(problem) : null;
  return (
    <div className="fr-mb-4w">
      {state === 'off' ? (
        <button type="button" className="fr-btn fr-btn--icon-left fr-icon-camera-line" onClick={start}>
          Scanner avec la caméra
        </button>
      ) : (
        <button type="button" className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-close-line" onClick={stop}>
          Arrêter la caméra
        </button>
      )}
      <div aria-live="assertive">
        {shownProblem && (
          <Alert
            className="fr-mt-2w"
            severity={problem === 'failed' || problem === 'decoder' ? 'error' : 'warning'}
            title={shownProblem.title}
            description={shownProblem.description}
            small={false}
          />
        )}
      </div>
      <div className={`pn-camera pn-camera--${feedback?.tone ?? 'idle'} fr-mt-2w`} hidden={state === 'off'}>
        <video ref={video} className="pn-camera__video" muted playsInline aria-label="Image de la caméra" />
        <p className="pn-camera__hint fr-mb-0">
          {state === 'starting' ? 'Ouverture de la caméra…' : 'Présentez le QR code du chèque devant la caméra : il est lu tout seul.'}
        </p>
      </div>
      <div role="status" className="fr-mt-1w">
        {feedback && state !== 'off' && <p className={`fr-message fr-message--${feedback.tone} fr-text--lg`}>{feedback.text}</p>}
      </div>
    </div>
  );
}

/**
 * Reads the video's frames one at a time, pausing between two readings (scan-pace.ts) so that decoding does
 * not take the whole of a cheap phone's processor; after the pause, the next new frame is read
 * (requestVideoFrameCallback; an animation frame where it is missing).
 */
function scanContinuously(element: HTMLVideoElement, detector: QrDetector, onTexts: (texts: string[]) => Promise<void>): () => void {
  let stopped = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    if (stopped) return;
    if ('requestVideoFrameCallback' in element) element.requestVideoFrameCallback(() => void tick());
    else requestAnimationFrame(() => void tick());
  };
  const tick = async () => {
    if (stopped) return;
    let readingMs = 0;
    try {
      if (element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const startedAt = performance.now();
        const texts = await detector.detect(element);
        readingMs = performance.now() - startedAt;
        if (!stopped) await onTexts(texts);
      }
    } catch {
      // A frame that cannot be read (the camera starting or turning): the next one will be.
    }
    pause = setTimeout(next, pauseBeforeNextReading(readingMs));
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(pause);
  };
}
