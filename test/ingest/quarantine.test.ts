import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { writeQuarantine } from '../../src/ingest/quarantine.ts';
import { memFs } from './mem-fs.ts';

describe('writeQuarantine', () => {
  it('writes one CSV per file: original cells, then _line, _column, _reason, _message', async () => {
    const fs = memFs({
      'data/orders.csv': 'order_id,order_date,amount\nA,2024-03-05,1\nB,2024-02-30,2\nC,"2024-03-05",x,y\n',
      'data/customers.csv': 'customer_id,name\nC1,"Li, Na"\nC1,Again\n',
    });
    const r = await ingest({ dataDir: 'data', config: configSchema.parse({}), fs, now: Date.UTC(2026, 0, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    const written = await writeQuarantine(r.rejects, 'quarantine', fs);
    expect(written).toEqual(['quarantine/orders.rejected.csv', 'quarantine/customers.rejected.csv']);
    const text = (p: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(fs.files.get(p)!);
    expect(text('quarantine/orders.rejected.csv')).toBe(
      // a ragged row keeps all its cells; the extra cell gets a numbered column
      '\ufefforder_id,order_date,amount,column_4,_line,_column,_reason,_message\n'
      // _message: the Chinese message, then the English one
      + 'B,2024-02-30,2,,3,order_date,impossible_date,"order_date 不是真实存在的日期或时间：“2024-02-30” / order_date is not a real calendar date or time: ""2024-02-30"""\n'
      + 'C,2024-03-05,x,y,4,,ragged_row,"该行字段数与表头不一致：4 fields, header 3 / the row has a different number of fields than the header: 4 fields, header 3"\n',
    );
    expect(text('quarantine/customers.rejected.csv')).toBe(
      '\ufeffcustomer_id,name,_line,_column,_reason,_message\nC1,Again,3,customer_id,duplicate_key,"customer_id“C1”与第 2 行重复 / customer_id ""C1"" repeats the row on line 2"\n',
    );
  });

  it('writes nothing when nothing was rejected', async () => {
    const fs = memFs();
    expect(await writeQuarantine([], 'q', fs)).toEqual([]);
    expect(fs.files.size).toBe(0);
  });
});
