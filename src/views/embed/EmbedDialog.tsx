/**
 * "Embed this scene": choose the controls and theme, copy the iframe code, see it live. The
 * preview is the real embed; its height notices size the preview and the suggested height.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { embedBase, embedUrl, iframeCode, RESIZE_SCRIPT } from '../../embed/code';
import type { EmbedTheme, ParamControl } from '../../embed/options';
import { rawQueryParam } from '../../engine/scene-url';
import { t } from '../../i18n';
import { useDescent, viewOf } from '../../state/store';
import { writeQuery } from '../../state/url';
import './embed.css';
import { optimizerName } from '../names';

type CopyState = 'idle' | 'copied' | 'failed';

function CopyButton(props: { text: string; label: string; testId: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="embed-copy">
      <button
        type="button"
        data-testid={props.testId}
        onClick={() => {
          if (!navigator.clipboard) return setState('failed');
          navigator.clipboard.writeText(props.text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {props.label}
      </button>
      <span role="status">
        {state === 'copied' ? t('embed.copied') : state === 'failed' ? t('embed.copyFailed') : ''}
      </span>
    </span>
  );
}

/** Room the dialog leaves for the preview: the window less its head, caption and margins (px). */
const previewRoom = (): number => Math.max(200, window.innerHeight - 150);

/**
 * The preview at the height the code gives the blog's iframe, so it lays out exactly as the blog
 * will show it; shrunk as a whole (CSS scale) when the window is shorter than that, never cut off
 * or squeezed (a squeezed embed hid its charts behind a scroll bar).
 */
function PreviewFrame(props: { height: number; children: ReactNode }) {
  const [room, setRoom] = useState(previewRoom);
  useEffect(() => {
    const measure = (): void => setRoom(previewRoom());
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  // The iframe's 1 px dashed border on each side is drawn outside its height.
  const outer = props.height + 2;
  const scale = Math.min(1, room / outer);
  return (
    <figure className="embed-dialog-preview">
      <figcaption>
        {t('embed.preview')}
        {scale < 1 && ` (${Math.round(scale * 100)}%)`}
      </figcaption>
      {/* The scaled block keeps the box's width in its own (unscaled) units: a blog's width. */}
      <div className="embed-dialog-preview-box" style={{ height: outer * scale }}>
        <div
          className="embed-dialog-preview-scale"
          data-scale={scale}
          style={{ transform: scale < 1 ? `scale(${scale})` : undefined }}
        >
          {props.children}
        </div>
      </div>
    </figure>
  );
}

/** The dialog; `onClose` unmounts it. */
export default function EmbedDialog(props: { onClose: () => void }) {
  const { onClose } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const previewRef = useRef<HTMLIFrameElement>(null);
  const titleId = useId();
  const scene = useDescent((s) => s.scene);
  const view = useDescent(useShallow(viewOf));
  const [play, setPlay] = useState(true);
  const [charts, setCharts] = useState(false);
  const [sliders, setSliders] = useState<readonly number[]>([]);
  const [theme, setTheme] = useState<EmbedTheme>('light');
  const [height, setHeight] = useState<number | null>(null);
  const [measured, setMeasured] = useState(480);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The preview's height notices (only from the preview's own window).
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>): void => {
      if (event.source !== previewRef.current?.contentWindow) return;
      const data = event.data as { context?: unknown; height?: unknown } | null;
      if (data?.context === 'iframe.resize' && typeof data.height === 'number') {
        if (Number.isFinite(data.height)) setMeasured(Math.max(120, Math.min(4000, data.height)));
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const params: ParamControl[] = sliders
    .filter((i) => i < scene.optimizers.length)
    .map((index) => ({ name: 'lr', index }));
  const lang = rawQueryParam(window.location.search, 'lang');
  const base = embedBase(window.location.href, import.meta.env.DEV);
  const src = embedUrl(base, writeQuery(scene, view), {
    controls: { play, charts, params },
    theme,
    ...(lang ? { lang } : {}),
  });
  const code = iframeCode({ src, height: height ?? measured, title: t('embed.frameTitle') });

  const toggleSlider = (index: number, on: boolean): void =>
    setSliders((list) =>
      on
        ? [...list.filter((i) => i !== index), index].sort((a, b) => a - b)
        : list.filter((i) => i !== index),
    );

  return (
    <dialog
      ref={dialogRef}
      className="embed-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      data-testid="embed-dialog"
    >
      <div className="embed-dialog-head">
        <h2 id={titleId}>{t('embed.title')}</h2>
        <button type="button" onClick={() => dialogRef.current?.close()} data-testid="embed-close">
          {t('embed.close')}
        </button>
      </div>
      <p className="field-help">{t('embed.intro')}</p>
      <div className="embed-dialog-body">
        <div className="embed-dialog-options">
          <fieldset>
            <legend>{t('embed.controls')}</legend>
            <label>
              <input
                type="checkbox"
                checked={play}
                onChange={(e) => setPlay(e.target.checked)}
                data-testid="embed-play"
              />
              {t('embed.controlPlay')}
            </label>
            {scene.optimizers.map((_, i) => (
              <label key={i}>
                <input
                  type="checkbox"
                  checked={sliders.includes(i)}
                  onChange={(e) => toggleSlider(i, e.target.checked)}
                  data-testid={`embed-lr-${i}`}
                />
                {t('embed.controlLr', { name: optimizerName(scene.optimizers, i) })}
              </label>
            ))}
            <label>
              <input
                type="checkbox"
                checked={charts}
                onChange={(e) => setCharts(e.target.checked)}
                data-testid="embed-charts"
              />
              {t('embed.controlCharts')}
            </label>
          </fieldset>
          <label className="field">
            <span>{t('embed.theme')}</span>
            <select
              value={theme}
              onChange={(e) => setTheme(e.target.value as EmbedTheme)}
              data-testid="embed-theme"
            >
              <option value="light">{t('embed.themeLight')}</option>
              <option value="dark">{t('embed.themeDark')}</option>
              <option value="auto">{t('embed.themeAuto')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('embed.height')}</span>
            <input
              type="number"
              min={120}
              max={4000}
              value={Math.round(height ?? measured)}
              onChange={(e) => {
                const v = Number(e.target.value);
                setHeight(Number.isFinite(v) && v > 0 ? v : null);
              }}
              data-testid="embed-height"
            />
          </label>
          <label className="field">
            <span>{t('embed.code')}</span>
            <textarea
              readOnly
              rows={4}
              value={code}
              onFocus={(e) => e.target.select()}
              data-testid="embed-code"
            />
          </label>
          <CopyButton text={code} label={t('embed.copy')} testId="embed-copy" />
          <label className="field">
            <span>{t('embed.script')}</span>
            <textarea
              readOnly
              rows={3}
              value={RESIZE_SCRIPT}
              onFocus={(e) => e.target.select()}
              data-testid="embed-script"
            />
          </label>
          <CopyButton
            text={RESIZE_SCRIPT}
            label={t('embed.copyScript')}
            testId="embed-copy-script"
          />
        </div>
        <PreviewFrame height={height ?? measured}>
          <iframe
            ref={previewRef}
            src={src}
            title={t('embed.frameTitle')}
            style={{ height: height ?? measured }}
            data-testid="embed-preview"
          />
        </PreviewFrame>
      </div>
    </dialog>
  );
}
