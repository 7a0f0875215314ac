/**
 * Disclosure control of the report's linked tables. Every table adds up to its margin: a one-way
 * table (by state actor, by region, …) to the total, a row of state actor × modus operandi to the
 * actor's figure in the table by state actor, a column to the modus operandi's figure. An analyst
 * who holds all the published tables holds all those equations.
 *
 * Primary suppression hides every figure below the report minimum. Secondary suppression then hides
 * more figures until no hidden figure follows from the published ones: first by the classic line
 * rules (no equation with exactly one hidden figure; the hidden figures of an equation together at
 * least the minimum, so their sum says nothing below it), then by an exact test, since the line
 * rules alone miss figures fixed by several equations together. Every hidden figure holds at least
 * one released cell, so it is strictly positive; a hidden figure can then move within the equations
 * exactly when it is not fixed by them, which is linear algebra: it is fixed iff its unit vector
 * lies in the row space of the equations restricted to the hidden figures.
 */

/** One equation: the figures it holds (by index) with coefficient +1 or -1; their weighted sum is 0. */
export interface Equation {
  terms: ReadonlyArray<{ figure: number; sign: 1 | -1 }>;
}

export interface SuppressionResult {
  /** Per figure: hidden or not. */
  suppressed: boolean[];
  /** Per figure: hidden because it is below the minimum (not only to protect another). */
  primary: boolean[];
}

/**
 * Decides which figures to hide. `values` are the true figures (all > 0); `margin[i]` marks figures
 * that are margins of other tables, which are hidden for protection only when no inner figure can
 * serve (a hidden margin hides more of the picture).
 */
export function suppress(values: readonly number[], equations: readonly Equation[], minimum: number, margin: readonly boolean[]): SuppressionResult {
  const primary = values.map((v) => v > 0 && v < minimum);
  const hidden = [...primary];
  // Prefer hiding small inner figures: they say least; a margin comes last.
  const cost = (i: number) => values[i]! + (margin[i] ? 1e12 : 0);
  const hideCheapest = (candidates: readonly number[]): boolean => {
    let best = -1;
    for (const i of candidates) if (!hidden[i] && (best < 0 || cost(i) < cost(best) || (cost(i) === cost(best) && i < best))) best = i;
    if (best < 0) return false;
    hidden[best] = true;
    return true;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const eq of equations) {
        let count = 0;
        let sum = 0;
        for (const t of eq.terms) {
          if (hidden[t.figure]) {
            count++;
            sum += values[t.figure]!;
          }
        }
        if (count === 0) continue;
        if (count === 1 || sum < minimum) {
          if (hideCheapest(eq.terms.map((t) => t.figure))) changed = true;
        }
      }
    }
    const fixed = fixedFigures(hidden, equations);
    if (fixed.length === 0) break;
    // A fixed figure: hide one more figure of an equation that holds it.
    let progressed = false;
    for (const f of fixed) {
      const eq = equations.find((e) => e.terms.some((t) => t.figure === f) && e.terms.some((t) => !hidden[t.figure]));
      if (eq && hideCheapest(eq.terms.map((t) => t.figure))) {
        progressed = true;
        break;
      }
    }
    // Every equation of a fixed figure is wholly hidden: then it is not fixed (cannot happen), stop.
    if (!progressed) break;
  }
  return { suppressed: hidden, primary };
}

/**
 * The hidden figures that the equations fix, given the published ones: those whose unit vector lies
 * in the row space of the equations over the hidden figures (reduced row echelon form).
 */
export function fixedFigures(hidden: readonly boolean[], equations: readonly Equation[]): number[] {
  const columns: number[] = [];
  const columnOf = new Map<number, number>();
  hidden.forEach((h, i) => {
    if (h) {
      columnOf.set(i, columns.length);
      columns.push(i);
    }
  });
  if (columns.length === 0) return [];
  const width = columns.length;
  const rows: Float64Array[] = [];
  for (const eq of equations) {
    const row = new Float64Array(width);
    let any = false;
    for (const t of eq.terms) {
      const c = columnOf.get(t.figure);
      if (c !== undefined) {
        row[c] = row[c]! + t.sign;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const eps = 1e-9;
  const pivotRows: Array<{ row: Float64Array; col: number }> = [];
  let remaining = rows;
  for (let col = 0; col < width && remaining.length > 0; col++) {
    let p = -1;
    let best = eps;
    for (let r = 0; r < remaining.length; r++) {
      const a = Math.abs(remaining[r]![col]!);
      if (a > best) {
        best = a;
        p = r;
      }
    }
    if (p < 0) continue;
    const pivot = remaining[p]!;
    const scale = pivot[col]!;
    for (let c = col; c < width; c++) pivot[c] = pivot[c]! / scale;
    const next: Float64Array[] = [];
    for (let r = 0; r < remaining.length; r++) {
      if (r === p) continue;
      const row = remaining[r]!;
      const f = row[col]!;
      if (Math.abs(f) > eps) for (let c = col; c < width; c++) row[c] = row[c]! - f * pivot[c]!;
      next.push(row);
    }
    for (const { row } of pivotRows) {
      const f = row[col]!;
      if (Math.abs(f) > eps) for (let c = col; c < width; c++) row[c] = row[c]! - f * pivot[c]!;
    }
    pivotRows.push({ row: pivot, col });
    remaining = next;
  }
  const fixed: number[] = [];
  for (const { row, col } of pivotRows) {
    let alone = true;
    for (let c = 0; c < width && alone; c++) if (c !== col && Math.abs(row[c]!) > eps) alone = false;
    if (alone) fixed.push(columns[col]!);
  }
  return fixed.sort((a, b) => a - b);
}
