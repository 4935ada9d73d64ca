import { describe, expect, it } from 'vitest';
import { keysAt, loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { defaultConfig } from '../../src/config/schema.ts';
import { memFs } from '../ingest/mem-fs.ts';

describe('loadConfig', () => {
  it('a missing config.yaml gives every default', async () => {
    const r = await loadConfig('data', memFs());
    expect(r).toEqual({ ok: true, config: defaultConfig() });
  });

  it('reads data/config.yaml', async () => {
    const r = await loadConfig('data', memFs({ 'data/config.yaml': 'timezone: Europe/London\nsla:\n  responseHours: 12\nfiles:\n  orders:\n    columns: { order_id: InvoiceNo }\n    dateOrder: mdy\n' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.timezone).toBe('Europe/London');
    expect(r.config.sla).toEqual({ responseHours: 12, visitHours: 48 });
    expect(r.config.files.orders.columns).toEqual({ order_id: 'InvoiceNo' });
    expect(r.config.files.orders.dateOrder).toBe('mdy');
    expect(r.config.files.customers.encoding).toBe('auto');
  });

  it('a typo suggests the closest valid key', () => {
    const r = parseConfig('sla:\n  responsHours: 12\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'config_invalid', file: 'config.yaml', field: 'sla.responsHours' });
    expect(r.error.message.en).toBe('config.yaml: unknown key sla.responsHours (did you mean responseHours?); allowed here: responseHours, visitHours');
    expect(r.error.message['zh-CN']).toContain('是否应为 responseHours');
    expect(r.error.hint!.en).toBe('Rename sla.responsHours to sla.responseHours.');
  });

  it('a top-level typo and a bad enum value are reported together, with what is allowed', () => {
    const r = parseConfig('timezon: UTC\nkpiGrain: week\n');
    expect(!r.ok && r.error.message.en).toContain('unknown key timezon (did you mean timezone?)');
    expect(!r.ok && r.error.message.en).toContain('kpiGrain: not one of the allowed values (allowed: "month" | "quarter" | "year")');
  });

  it('wrong types name the key path', () => {
    const r = parseConfig('files:\n  orders:\n    wan: maybe\n');
    expect(!r.ok && r.error.field).toBe('files.orders.wan');
    expect(!r.ok && r.error.message.en).toContain('files.orders.wan');
    expect(!r.ok && r.error.message.en).toContain('allowed: a boolean');
  });

  it('YAML syntax errors give the line', () => {
    const r = parseConfig('sla:\n  responseHours: [12\n');
    expect(!r.ok && r.error.code).toBe('config_syntax');
  });

  it('an unknown time zone is an error', () => {
    const r = parseConfig('timezone: Asia/Shang_hai\n');
    expect(!r.ok && r.error.field).toBe('timezone');
  });

  it('keysAt walks the schema through defaults and records', () => {
    expect(keysAt(['files', 'orders'])).toContain('dateOrder');
    expect(keysAt(['scoring', 'grades'])).toEqual(['target', 'relative']);
  });
});
