/** Saving a file the way a browser download does, and copying text with a download fallback. */
import type { Scene } from '../../engine/types';

/** `descent-<surface id>.<ext>`; a typed expression is called "expression". */
export function exportFileName(scene: Scene, ext: string): string {
  const id = 'id' in scene.surface ? scene.surface.id : 'expression';
  const slug =
    id
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'surface';
  return `descent-${slug}.${ext}`;
}

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started reading the blob by now; release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Copies `text` to the clipboard; when that is refused, downloads it as `fallbackName`. */
export async function copyOrDownload(
  text: string,
  fallbackName: string,
  type = 'text/plain',
): Promise<'copied' | 'downloaded'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    downloadBlob(new Blob([text], { type }), fallbackName);
    return 'downloaded';
  }
}
