import { levelLabel, type LevelBox } from '@/lib/review/vertebra-boxes';
import { imageToScreen, type ViewTransform } from '@/lib/review/viewport';

const LABEL_FONT = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Each vertebra's box and level name, drawn in screen space so the text stays readable at any zoom. A body cut
 * by the field edge (not counted) is dashed and amber.
 */
export function drawLevels(ctx: CanvasRenderingContext2D, boxes: readonly LevelBox[], view: ViewTransform) {
  ctx.save();
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  for (const box of boxes) {
    const topLeft = imageToScreen(view, box);
    const width = box.width * view.scale;
    const height = box.height * view.scale;
    const colour = box.counted ? 'rgba(255, 255, 255, 0.9)' : 'rgba(255, 191, 0, 0.95)';
    ctx.setLineDash(box.counted ? [] : [6, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = colour;
    ctx.strokeRect(topLeft.x, topLeft.y, width, height);

    const text = levelLabel(box);
    const textWidth = ctx.measureText(text).width;
    const pillWidth = textWidth + 10;
    const pillHeight = 20;
    // Left of the box where there is room, otherwise just inside its left edge.
    const x = topLeft.x - pillWidth - 6 >= 2 ? topLeft.x - pillWidth - 6 : topLeft.x + 4;
    const y = topLeft.y + height / 2 - pillHeight / 2;
    ctx.setLineDash([]);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.beginPath();
    ctx.roundRect(x, y, pillWidth, pillHeight, 4);
    ctx.fill();
    ctx.fillStyle = colour;
    ctx.fillText(text, x + 5, y + pillHeight / 2 + 1);
  }
  ctx.restore();
}
