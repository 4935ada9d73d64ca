/** The message key that explains a KPI value that is null (its row's `reason`). */
export const reasonKey = (reason: string | null | undefined) => {
  const known = ['empty_denominator', 'no_data', 'missing_input', 'too_few_responses', 'needs_customer_column'] as const;
  const r = known.find((k) => k === reason);
  return r ? (`reason.${r}` as const) : ('reason.unknown' as const);
};
