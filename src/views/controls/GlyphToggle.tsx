/**
 * The optimizer row's switch for its hidden-state glyphs on the map (a toggle button: Tab reaches
 * it, Space or Enter flips it). The list of optimizers with glyphs on is view state (`h:` in the
 * URL), so a reload or a shared link keeps it. Loaded after the first paint.
 */
import { t } from '../../i18n';
import { useDescent } from '../../state/store';

/** Turns optimizer `index`'s glyphs on or off. */
export function GlyphToggle(props: { index: number; name: string }) {
  const { index, name } = props;
  const on = useDescent((s) => s.glyphs.includes(index));
  const label = t('glyphs.toggle', { name });
  return (
    <button
      type="button"
      className="glyph-toggle"
      aria-pressed={on}
      aria-label={label}
      title={label}
      data-testid={`glyph-toggle-${index}`}
      onClick={() => {
        const s = useDescent.getState();
        const glyphs = on
          ? s.glyphs.filter((i) => i !== index)
          : [...s.glyphs, index].sort((a, b) => a - b);
        s.setView({ glyphs });
      }}
    >
      <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true">
        <rect
          x={1.5}
          y={4.5}
          width={8}
          height={8}
          fill="none"
          stroke="currentColor"
          strokeDasharray="2 1.5"
        />
        <path d="M1.5 12.5L12 2M8 2h4v4" fill="none" stroke="currentColor" strokeWidth={1.5} />
      </svg>
    </button>
  );
}
