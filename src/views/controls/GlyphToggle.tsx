/**
 * The optimizer editor's switch for its hidden-state glyphs on the map (a labelled checkbox: Tab
 * reaches it, Space flips it). The list of optimizers with glyphs on is view state (`h:` in the
 * URL), so a reload or a shared link keeps it. Loaded after the first paint.
 */
import { t } from '../../i18n';
import { useDescent } from '../../state/store';

/** Turns optimizer `index`'s glyphs on or off. */
export function GlyphToggle(props: { index: number; name: string }) {
  const { index, name } = props;
  const on = useDescent((s) => s.glyphs.includes(index));
  return (
    <label className="glyph-toggle" title={t('glyphs.toggleHelp', { name })}>
      <input
        type="checkbox"
        checked={on}
        data-testid={`glyph-toggle-${index}`}
        onChange={(e) => {
          const s = useDescent.getState();
          const glyphs = e.target.checked
            ? [...s.glyphs.filter((i) => i !== index), index].sort((a, b) => a - b)
            : s.glyphs.filter((i) => i !== index);
          s.setView({ glyphs });
        }}
      />
      {t('glyphs.toggle')}
    </label>
  );
}
