/**
 * A stand-in for a canvas 2-D context that records what is stroked and filled as SVG elements.
 * The map's trajectory layer paints through `drawTrajectories(ctx, …)`; handing it this recorder
 * instead gives the exported SVG the very same geometry (halo, dashes, ghost, markers, arrows,
 * divergence crosses) without a second drawing routine to keep in step.
 */
import { pathRound } from 'd3';
import type { Path } from 'd3';

/** Escapes text for an XML attribute or text node, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** The members of CanvasRenderingContext2D that the map's trajectory painter uses. */
export class SvgRecorder {
  strokeStyle: string = '#000000';
  fillStyle: string = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = 'miter';
  lineCap: CanvasLineCap = 'butt';
  /** The SVG elements painted so far, in paint order. */
  readonly elements: string[] = [];
  private dash: number[] = [];
  private path: Path = pathRound(2);
  private empty = true;

  setLineDash(segments: readonly number[]): void {
    this.dash = [...segments];
  }
  getLineDash(): number[] {
    return [...this.dash];
  }
  beginPath(): void {
    this.path = pathRound(2);
    this.empty = true;
  }
  moveTo(x: number, y: number): void {
    this.path.moveTo(x, y);
    this.empty = false;
  }
  lineTo(x: number, y: number): void {
    this.path.lineTo(x, y);
    this.empty = false;
  }
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void {
    this.path.arc(x, y, r, a0, a1, ccw);
    this.empty = false;
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.rect(x, y, w, h);
    this.empty = false;
  }
  closePath(): void {
    this.path.closePath();
  }
  // The recorder starts blank and has no transform of its own: these are no-ops.
  clearRect(): void {}
  setTransform(): void {}
  save(): void {}
  restore(): void {}

  stroke(): void {
    if (this.empty) return;
    const dash = this.dash.length > 0 ? ` stroke-dasharray="${this.dash.map(num).join(' ')}"` : '';
    const alpha = this.globalAlpha < 1 ? ` stroke-opacity="${num(this.globalAlpha)}"` : '';
    this.elements.push(
      `<path d="${this.path.toString()}" fill="none" stroke="${xmlEscape(this.strokeStyle)}"` +
        ` stroke-width="${num(this.lineWidth)}" stroke-linejoin="${this.lineJoin}"` +
        ` stroke-linecap="${this.lineCap}"${dash}${alpha}/>`,
    );
  }
  fill(): void {
    if (this.empty) return;
    const alpha = this.globalAlpha < 1 ? ` fill-opacity="${num(this.globalAlpha)}"` : '';
    this.elements.push(
      `<path d="${this.path.toString()}" fill="${xmlEscape(this.fillStyle)}"${alpha}/>`,
    );
  }

  /** This recorder where the painter expects a canvas context (it only calls the members above). */
  asContext(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }
}
