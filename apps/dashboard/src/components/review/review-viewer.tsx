'use client';
import { Stack } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Structure } from '@spineqc/qc-standard';
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { valueRange } from '@/lib/review/grey-image';
import type { MaskLayers } from '@/lib/review/mask-layers';
import { paintOverlay } from '@/lib/review/overlay-paint';
import type { LoadedImage } from '@/lib/review/review-api';
import type { LevelBox } from '@/lib/review/vertebra-boxes';
import {
  clampPan,
  fitTransform,
  panBy,
  zoomAbout,
  zoomLimits,
  ZOOM_STEP,
  type Point,
  type ViewTransform,
} from '@/lib/review/viewport';
import {
  applyLut,
  clampWindow,
  dragStep,
  dragWindow,
  robustWindow,
  windowLimits,
  windowLut,
  type WindowLevel,
} from '@/lib/review/window-level';
import { drawLevels } from './draw-levels';
import { ViewerToolbar } from './viewer-toolbar';
import { WindowSliders } from './window-sliders';
import classes from './review-viewer.module.css';

/** The 8-bit fallback is already windowed by the server: show it as it is. */
const IDENTITY_8_BIT: WindowLevel = { center: 128, width: 256 };
const KEY_PAN_PX = 48;

interface Drag {
  mode: 'pan' | 'window';
  x: number;
  y: number;
  view: ViewTransform;
  window: WindowLevel;
}

export interface ReviewViewerProps {
  loaded: LoadedImage;
  masks: MaskLayers | null;
  enabled: ReadonlySet<Structure>;
  /** null when the level labels are switched off. */
  levels: readonly LevelBox[] | null;
  description: string;
}

/**
 * The radiograph on a canvas: window/level through a lookup table on the stored values, zoom and pan, with the
 * segmentation (nearest-neighbour, at its own resolution) and the level boxes drawn over it. Mount it with a
 * `key` per image so every image starts from its own window and the fitted view.
 */
export function ReviewViewer({ loaded, masks, enabled, levels, description }: ReviewViewerProps) {
  const { image } = loaded;
  const range = useMemo(() => valueRange(image), [image]);
  const limits = useMemo(() => windowLimits(range), [range]);
  const initialWindow = useMemo(
    () =>
      clampWindow(
        loaded.suggestedWindow ?? (loaded.source === 'display' ? IDENTITY_8_BIT : robustWindow(image)),
        limits,
      ),
    [loaded, image, limits],
  );
  const [windowLevel, setWindowLevel] = useState(initialWindow);
  /** null = fitted to the stage, following its size. */
  const [userView, setUserView] = useState<ViewTransform | null>(null);
  const [dragging, setDragging] = useState<Drag['mode'] | null>(null);

  const { ref: stageRef, width, height } = useElementSize<HTMLDivElement>();
  const stage = useMemo(() => (width > 0 && height > 0 ? { width, height } : null), [width, height]);
  const fit = useMemo(() => (stage ? fitTransform(image, stage) : null), [image, stage]);
  const view = userView ?? fit;
  const zoom = useMemo(() => zoomLimits(fit?.scale ?? 1), [fit]);

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const baseRef = useRef<HTMLCanvasElement | null>(null);
  const overlayRef = useRef<HTMLCanvasElement | null>(null);
  const drag = useRef<Drag | null>(null);

  // 1. The windowed image, at its own size, whenever the window changes.
  useEffect(() => {
    const base = (baseRef.current ??= document.createElement('canvas'));
    base.width = image.width;
    base.height = image.height;
    const ctx = base.getContext('2d');
    if (!ctx) return;
    const pixels = ctx.createImageData(image.width, image.height);
    applyLut(image.values, windowLut(windowLevel, image.maxValue), pixels.data);
    ctx.putImageData(pixels, 0, 0);
  }, [image, windowLevel]);

  // 2. The overlay at the segmentation's own size; the canvas scales it nearest-neighbour when drawing.
  useEffect(() => {
    if (!masks || enabled.size === 0) {
      overlayRef.current = null;
      return;
    }
    const overlay = document.createElement('canvas');
    overlay.width = masks.width;
    overlay.height = masks.height;
    const ctx = overlay.getContext('2d');
    if (!ctx) return;
    const pixels = ctx.createImageData(masks.width, masks.height);
    pixels.data.set(paintOverlay(masks, enabled));
    ctx.putImageData(pixels, 0, 0);
    overlayRef.current = overlay;
  }, [masks, enabled]);

  // 3. Compose on screen (runs after 1 and 2 in the same commit).
  useEffect(() => {
    const canvas = canvasRef.current;
    const base = baseRef.current;
    if (!canvas || !base || !stage || !view) return;
    const dpr = globalThis.devicePixelRatio || 1;
    const pixelWidth = Math.round(stage.width * dpr);
    const pixelHeight = Math.round(stage.height * dpr);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#0b0d10';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * view.scale, 0, 0, dpr * view.scale, dpr * view.x, dpr * view.y);
    // Smooth when shrinking; show the real pixels when enlarged well past 1:1.
    ctx.imageSmoothingEnabled = view.scale < 2;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(base, 0, 0);
    const overlay = overlayRef.current;
    if (overlay) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(overlay, 0, 0, image.width, image.height);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (levels) drawLevels(ctx, levels, view);
  }, [image, windowLevel, masks, enabled, levels, view, stage]);

  const setView = (next: ViewTransform) => stage && setUserView(clampPan(next, image, stage));
  const zoomBy = (factor: number, anchor?: Point) => {
    if (!view || !stage) return;
    setView(zoomAbout(view, factor, anchor ?? { x: stage.width / 2, y: stage.height / 2 }, zoom));
  };

  // Wheel zoom about the pointer: a native listener, because React's wheel listener is passive and the page
  // must not scroll while zooming.
  const onWheelZoom = useEffectEvent((factor: number, anchor: Point) => zoomBy(factor, anchor));
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      const factor = Math.min(ZOOM_STEP ** 2, Math.max(ZOOM_STEP ** -2, Math.exp(-pixels * 0.002)));
      onWheelZoom(factor, { x: event.offsetX, y: event.offsetY });
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!view || (event.button !== 0 && event.button !== 2)) return;
    const mode = event.button === 2 || event.shiftKey ? 'window' : 'pan';
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { mode, x: event.clientX, y: event.clientY, view, window: windowLevel };
    setDragging(mode);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (d.mode === 'window') setWindowLevel(dragWindow(d.window, dx, dy, dragStep(range), limits));
    else setView(panBy(d.view, dx, dy));
  };
  const endDrag = () => {
    drag.current = null;
    setDragging(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN_PX, 0],
      ArrowRight: [-KEY_PAN_PX, 0],
      ArrowUp: [0, KEY_PAN_PX],
      ArrowDown: [0, -KEY_PAN_PX],
    };
    if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
    else if (event.key === '-') zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') setUserView(null);
    else if (event.key === 'r' || event.key === 'R') setWindowLevel(initialWindow);
    else if (pans[event.key] && view) setView(panBy(view, ...pans[event.key]));
    else return;
    event.preventDefault();
  };

  return (
    <Stack gap="xs">
      <ViewerToolbar
        zoomPercent={view ? view.scale * 100 : null}
        onZoomIn={() => zoomBy(ZOOM_STEP)}
        onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
        onFit={() => setUserView(null)}
        onResetWindow={() => setWindowLevel(initialWindow)}
      />
      <div ref={stageRef} className={classes.stage}>
        <canvas
          ref={canvasRef}
          className={classes.canvas}
          data-testid="review-viewer"
          data-image-source={loaded.source}
          data-window-center={Math.round(windowLevel.center)}
          data-window-width={Math.round(windowLevel.width)}
          data-zoom={view ? view.scale.toFixed(3) : undefined}
          data-overlay={[...enabled].sort().join(' ')}
          data-levels={levels ? 'on' : 'off'}
          data-dragging={dragging ?? undefined}
          role="img"
          aria-label={description}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onContextMenu={(event) => event.preventDefault()}
          onKeyDown={onKeyDown}
        />
      </div>
      <WindowSliders value={windowLevel} limits={limits} onChange={setWindowLevel} />
    </Stack>
  );
}
