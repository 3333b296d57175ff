import { describe, expect, it } from 'vitest';
import { initialTheme, parseTheme, resolveTheme, withThemeParam } from './theme';

describe('theme choice', () => {
  it('auto follows the system; light and dark override it', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('the URL wins over storage, storage over auto; unknown text is ignored', () => {
    expect(initialTheme('?theme=dark', 'light')).toBe('dark');
    expect(initialTheme('?scene=x', 'light')).toBe('light');
    expect(initialTheme('?theme=purple', null)).toBe('auto');
    expect(initialTheme('', 'nonsense')).toBe('auto');
    expect(parseTheme('<b>')).toBeNull();
  });

  it('writes theme= into the query, keeping other parameters, and drops it for auto', () => {
    expect(withThemeParam('?scene=abc&view=v', 'dark')).toBe('?scene=abc&view=v&theme=dark');
    expect(withThemeParam('?theme=dark&lang=zh-CN', 'light')).toBe('?lang=zh-CN&theme=light');
    expect(withThemeParam('?theme=dark', 'auto')).toBe('');
  });
});
