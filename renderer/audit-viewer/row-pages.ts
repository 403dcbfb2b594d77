/**
 * A long list kept as the pages it was read in, immutable: appending a page
 * makes a new list that shares every earlier page. A flat array copied on
 * each page (`[...rows, ...page]`) allocated a 100,000-slot array per page
 * near the end of the audit log, garbage that brought on the major
 * collections which dropped frames while scrolling (bench/front-desk).
 */
export class RowPages<Row> {
  /** Rows before each page's first row, for finding the page of an index. */
  private readonly starts: readonly number[];

  private constructor(
    private readonly pages: readonly (readonly Row[])[],
    /** Number of rows in all pages. */
    readonly length: number,
  ) {
    const starts: number[] = [];
    let start = 0;
    for (const page of pages) {
      starts.push(start);
      start += page.length;
    }
    this.starts = starts;
  }

  /**
   * A list of these pages (empty pages are dropped).
   *
   * @example RowPages.of([['a', 'b'], ['c']]).length // 3
   */
  static of<Row>(pages: readonly (readonly Row[])[] = []): RowPages<Row> {
    const kept = pages.filter((page) => page.length > 0);
    return new RowPages(kept, kept.reduce((sum, page) => sum + page.length, 0));
  }

  /**
   * The row at `index` (0 is the first), or undefined outside the list.
   *
   * @example RowPages.of([['a', 'b'], ['c']]).at(2) // 'c'
   */
  at(index: number): Row | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    // Binary search for the last page starting at or before index: a few hundred pages at most.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return this.pages[low]?.[index - (this.starts[low] as number)];
  }

  /**
   * A new list with `rows` after these; this one is unchanged.
   *
   * @example RowPages.of([['a']]).appended(['b']).at(1) // 'b'
   */
  appended(rows: readonly Row[]): RowPages<Row> {
    return rows.length === 0 ? this : new RowPages([...this.pages, rows], this.length + rows.length);
  }

  /**
   * A new list with `rows` before these; this one is unchanged.
   *
   * @example RowPages.of([['b']]).prepended(['a']).at(0) // 'a'
   */
  prepended(rows: readonly Row[]): RowPages<Row> {
    return rows.length === 0 ? this : new RowPages([rows, ...this.pages], this.length + rows.length);
  }
}
