/**
 * When the customer-base models give no figures, and why (docs/metrics.md#customer-base). The
 * page shows the reason and no number.
 *
 * - no_customers: nobody purchased on or before the calibration end.
 * - history_too_short: less than MIN_HISTORY_DAYS between the first purchase in the data and the
 *   calibration end — too little time to tell a slow buyer from a lost one.
 * - no_repeat_purchases: nobody bought on a second day; the BG/NBD has nothing to learn from.
 * - did_not_converge: the maximum-likelihood fit did not settle (see bgnbd-fit.ts).
 * The spend model has its own (gamma-gamma.ts): too_few_repeaters, no_finite_mean,
 * did_not_converge; then purchases are forecast and values are not.
 */
export const MIN_HISTORY_DAYS = 90;

export type CustomerBaseReason = 'no_customers' | 'history_too_short' | 'no_repeat_purchases' | 'did_not_converge';
export type SpendReason = 'too_few_repeaters' | 'no_finite_mean' | 'did_not_converge';
