import { z } from 'zod';
import { date, id, int, text } from './fields.ts';

/** One dimension score column `dim_<name>` (1–5). */
export const dimensionScore = int(1, 5).nullable();
export const DIMENSION_PREFIX = 'dim_';

/** surveys.csv: one satisfaction-survey response; any number of `dim_<name>` columns. */
export const surveyRow = z
  .object({
    response_id: id(),
    customer_id: id().nullable(),
    responded_at: date(),
    channel: text().nullable(),
    ticket_id: id().nullable(),
    csat: int(1, 5).nullable(),
    nps: int(0, 10).nullable(),
  })
  .catchall(dimensionScore);
export type SurveyRow = z.infer<typeof surveyRow>;
