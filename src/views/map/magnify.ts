/**
 * The round factor (1, 2, 5, 10, 20, …) that makes vectors whose longest is `longestPx` screen
 * pixels long about 60 px, so a tiny step's arrows can be read; 1 when they are 40 px or longer
 * (or there is nothing to draw). The map says the factor beside the arrows.
 */
export function magnification(longestPx: number): number {
  if (!(longestPx > 0) || longestPx >= 40) return 1;
  const raw = 60 / longestPx;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return (
    [1, 2, 5, 10]
      .map((m) => m * pow)
      .filter((f) => f <= raw)
      .pop() ?? pow
  );
}
