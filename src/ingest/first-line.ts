/**
 * Line-item exports whose order-level cells sit on the order's first line only (Shopify: Total,
 * Financial Status, Paid at …; Odoo's relational export: the order's id, name and totals). A line
 * continues the order above when its amount cell is empty, the order's first line has one, and it
 * has the same order id (or, where the preset says so, an empty one). It is read with the first
 * line's order-level cells where its own are empty, and amount 0: the order's total is counted
 * once, on its first line, never again from a later line (nor from quantity × price).
 * (docs/data.md#first-line)
 */
export class FirstLineOrders {
  private first: string[] | null = null;
  private firstId = '';
  private readonly order: number;
  private readonly amount: number;
  private readonly fill: readonly number[];
  private readonly emptyIdContinues: boolean;

  /**
   * `order`, `amount`: cell indexes of order_id and amount; `fill`: cell indexes of the
   * order-level columns filled from the first line (customer, date, status, paid_at, owner …).
   */
  constructor(order: number, amount: number, fill: readonly number[], emptyIdContinues: boolean) {
    this.order = order;
    this.amount = amount;
    this.fill = fill;
    this.emptyIdContinues = emptyIdContinues;
  }

  /** the cells to read: the record's own, or a copy completed from its order's first line */
  cells(cells: string[]): string[] {
    const id = cells[this.order]!.trim();
    const noAmount = cells[this.amount]!.trim() === '';
    const first = this.first;
    if (first && noAmount && (id === this.firstId || (id === '' && this.emptyIdContinues))) {
      const out = cells.slice();
      out[this.order] = first[this.order]!;
      out[this.amount] = '0';
      for (const i of this.fill) if (out[i]!.trim() === '') out[i] = first[i]!;
      return out;
    }
    this.first = noAmount || id === '' ? null : cells;
    this.firstId = id;
    return cells;
  }
}
