/**
 * Line-breaking for display formulas that must fit a narrow column (a 320 px phone, a side panel).
 * KaTeX never breaks a display formula by itself, so the panel renders the same TeX at growing
 * "reflow levels" and keeps the first one that fits its column (see FitTex):
 *
 * - level 0: the TeX as written;
 * - level 1: every `=` of a chain, and every `, \quad` list, starts its own aligned row;
 * - level 2: also every top-level `+` / `−` term of a part with numbers starts its own row;
 * - level 3 (with `columnVectors`): also long products break before `⊙` (and before a `·` after a
 *   vector or fraction), every `(a,\ b)` vector becomes a column vector and
 *   `1 \times 10^{-8}` becomes `10^{-8}`.
 *
 * Breaks happen only at depth 0: never inside braces, parentheses, `\left…\right` or an
 * environment, so every level is valid TeX. The input is the app's own TeX (templates and numbers
 * it formatted), never user text.
 */

/** Highest level {@link reflowTex} knows. */
export const MAX_REFLOW_LEVEL = 3;

/** Options of {@link reflowTex}. */
export interface ReflowOptions {
  /** Allow level 3: `\left(a,\ b\right)` vectors turned into column vectors. */
  readonly columnVectors?: boolean;
  /** Level 2 sets the terms on two rows of about equal length instead of one row each. */
  readonly twoRows?: boolean;
}

/** The highest level worth trying for these options. */
export function maxReflowLevel(options: ReflowOptions = {}): number {
  return options.columnVectors === true ? MAX_REFLOW_LEVEL : MAX_REFLOW_LEVEL - 1;
}

const BEGIN = '\\begin{aligned}';
const END = '\\end{aligned}';

/**
 * Positions in `row` where `needle` occurs at nesting depth 0 (outside braces, brackets,
 * parentheses, `\left…\right` pairs and `\begin…\end` environments).
 */
function topLevel(
  row: string,
  needles: readonly string[],
  /** Let breaks fall inside `\big( … \big)` (fine in TeX, used only for the narrowest form). */
  throughBig = false,
): { at: number; needle: string }[] {
  const hits: { at: number; needle: string }[] = [];
  let depth = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\') {
      const rest = row.slice(i);
      const command = /^\\([A-Za-z]+|.)/.exec(rest)?.[0] ?? '\\';
      if (command === '\\left' || command === '\\begin') depth++;
      else if (command === '\\right' || command === '\\end') depth--;
      if (depth === 0) {
        const hit = needles.find((n) => n.startsWith('\\') && rest.startsWith(n));
        if (hit !== undefined && i > 0) hits.push({ at: i, needle: hit });
      }
      // A delimiter after \left / \right (e.g. `\left(`) is part of the command, not a group.
      i += command.length - 1;
      const sized = throughBig && /^\\[Bb]igg?$/.test(command);
      if ((command === '\\left' || command === '\\right' || sized) && row[i + 1] !== '\\') i++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (depth === 0 && i > 0) {
      const hit = needles.find((n) => !n.startsWith('\\') && row.startsWith(n, i));
      if (hit !== undefined) hits.push({ at: i, needle: hit });
    }
  }
  // `, \quad` and the `\quad` inside it are one break, not two.
  return hits.filter((h, i) => i === 0 || h.at >= hits[i - 1]!.at + hits[i - 1]!.needle.length);
}

/** Splits `text` at the given top-level hits, keeping each needle at the start of its piece. */
function splitAt(text: string, hits: readonly { at: number }[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const { at } of hits) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

/** One aligned row, `lhs &= rhs` (or `lhs = rhs`), broken into rows at the given level. */
function reflowRow(row: string, level: number, options: ReflowOptions): string[] {
  // Rows that list several equations (`a = 1, \quad b = 2`) become one row per equation.
  const listed = splitAt(row, topLevel(row, [', \\quad', '\\quad'])).map((piece, i) =>
    i === 0 ? piece : piece.replace(/^,?\s*\\quad\s*/, ''),
  );
  const rows: string[] = [];
  listed.forEach((piece) => {
    let text = piece;
    if (!text.includes('&')) {
      const first = topLevel(text, [' = ', '='])[0];
      text =
        first !== undefined
          ? `${text.slice(0, first.at).trim()} &= ${text.slice(first.at + first.needle.length).trim()}`
          : `&\\quad ${text}`;
    }
    const amp = text.indexOf('&');
    const lhs = text.slice(0, amp);
    const rhsFull = text.slice(amp + 1);
    // The relation that opened the row (`=`, `\leftarrow`, …) stays with the left-hand side.
    const relation = /^(=|\\leftarrow|\\quad)\s*/.exec(rhsFull)?.[0] ?? '';
    const rhs = rhsFull.slice(relation.length);
    // A chain `a = b ≈ c` breaks before each `=` and `≈`, the relation starting its row.
    const chain = splitAt(rhs, topLevel(rhs, [' = ', ' \\approx ']));
    chain.forEach((link, i) => {
      const approx = i > 0 && link.startsWith('\\approx');
      const segment = link.replace(/^(=|\\approx)\s*/, '');
      const open = i === 0 ? `${lhs}&${relation}` : approx ? '&\\approx ' : '&= ';
      // In a substituted step only the parts with numbers get one term per row: the symbolic
      // rule it starts with (`θ − η g`) stays whole.
      const numeric =
        options.columnVectors !== true ||
        /\d/.test(segment.replace(/_\{[^}]*\}|\^\{[^}]*\}|[_^]\d/g, ''));
      const narrowest = level >= MAX_REFLOW_LEVEL && numeric;
      const split =
        level >= 2 && numeric
          ? splitAt(segment, topLevel(segment, [' + ', ' - '], narrowest))
          : [segment];
      const terms = options.twoRows === true ? inTwoRows(split) : split;
      terms.forEach((term, j) => {
        const factors = narrowest ? splitProduct(term) : [term];
        factors.forEach((factor, f) => {
          if (f > 0) rows.push(`&\\qquad ${factor}`);
          else rows.push(j === 0 ? `${open}${factor}` : `&\\quad ${factor}`);
        });
      });
    });
  });
  return rows;
}

/** `terms` joined into (at most) two rows, broken at the term boundary nearest half the length. */
function inTwoRows(terms: readonly string[]): string[] {
  if (terms.length <= 2) return [...terms];
  const total = terms.reduce((sum, term) => sum + term.length, 0);
  let best = 1;
  let bestGap = Infinity;
  let before = 0;
  for (let k = 1; k < terms.length; k++) {
    before += terms[k - 1]!.length;
    const gap = Math.abs(2 * before - total);
    if (gap < bestGap) [best, bestGap] = [k, gap];
  }
  return [terms.slice(0, best).join(' '), terms.slice(best).join(' ')];
}

/** A piece that holds a vector or a fraction: a product may break after it. */
const BULKY = /\\left\(|\\frac|\\sqrt/;

/**
 * A long product `a \cdot (v) \odot \frac{…}{…} \cdot r` broken before each `\odot` / `\oslash`,
 * before a `\cdot` that follows a vector or fraction or that leads into a fraction (a scalar stays
 * with a vector, but `1.2 × 10⁻⁴ · \frac{…}{… + 1.2 × 10⁻⁷}` is too wide for one phone row), and
 * after each `,\,` of a `\max\big(a,\, b\big)`.
 */
function splitProduct(term: string): string[] {
  const hits = topLevel(term, [' \\odot ', ' \\oslash ', ' \\cdot ', ',\\, '], true);
  const kept: { at: number }[] = [];
  let from = 0;
  for (const hit of hits) {
    const intoFraction = term.startsWith(' \\cdot \\frac', hit.at);
    if (hit.needle === ' \\cdot ' && !intoFraction && !BULKY.test(term.slice(from, hit.at))) {
      continue;
    }
    kept.push(hit);
    from = hit.at;
  }
  // A list's comma stays at the end of its row: `\max\big(a,` / `b\big)`.
  return splitAt(term, kept).map((piece, i, all) =>
    all[i + 1]?.startsWith(',') ? `${piece},` : piece.replace(/^,\\,\s*/, ''),
  );
}

/** `\left(a,\ b\right)` → `\begin{pmatrix}a\\b\end{pmatrix}`, for every vector in `tex`. */
export function columnVectors(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const start = tex.indexOf('\\left(', i);
    if (start < 0) break;
    // Find the matching \right) by counting \left / \right pairs.
    let depth = 0;
    let j = start;
    let end = -1;
    while (j < tex.length) {
      if (tex.startsWith('\\left', j)) {
        depth++;
        j += 5;
      } else if (tex.startsWith('\\right', j)) {
        depth--;
        if (depth === 0) {
          end = j;
          break;
        }
        j += 6;
      } else j++;
    }
    if (end < 0 || !tex.startsWith('\\right)', end)) break;
    const inner = tex.slice(start + 6, end);
    const nested = inner.includes('\\left');
    const parts = inner.split(',\\ ');
    out += tex.slice(i, start);
    out +=
      !nested && parts.length >= 2
        ? `\\begin{pmatrix}${parts.join(' \\\\ ')}\\end{pmatrix}`
        : nested
          ? `\\left(${columnVectors(inner)}\\right)`
          : tex.slice(start, end + 7);
    i = end + 7;
  }
  return out + tex.slice(i);
}

/**
 * `tex` (an `aligned` block or a single equation) broken into rows at `level` (0 = unchanged).
 * A level above what `options` allow acts as the highest allowed level.
 */
export function reflowTex(tex: string, level: number, options: ReflowOptions = {}): string {
  if (level <= 0) return tex;
  const trimmed = tex.trim();
  const isAligned = trimmed.startsWith(BEGIN) && trimmed.endsWith(END);
  const body = isAligned ? trimmed.slice(BEGIN.length, -END.length) : trimmed;
  const rows = body
    .split('\\\\')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const out = `${BEGIN}\n${rows.flatMap((r) => reflowRow(r, level, options)).join(' \\\\\n')}\n${END}`;
  if (level < MAX_REFLOW_LEVEL || options.columnVectors !== true) return out;
  // Narrowest form: column vectors, and 1 × 10⁻⁸ written as 10⁻⁸.
  return columnVectors(out).replace(/(^|[^\d.])1 \\times 10\^/g, '$110^');
}
