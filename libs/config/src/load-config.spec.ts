import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('gives the embedded defaults of DESIGN.md with nothing set', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('embedded');
    expect(c.http.port).toBe(8080);
    expect(c.dicom).toEqual({ enabled: true, port: 11112, aeTitle: 'SPINEQC', allowedCallingAeTitles: [] });
    expect(c.database.url).toBe('pglite://./data/db');
    expect(c.bus.kind).toBe('in-process');
    expect(c.http.publicUrl).toBe('http://localhost:8080');
  });

  it('names every bad key at once', () => {
    try {
      loadConfig({ SPINEQC_HTTP_PORT: 'eighty', SPINEQC_DICOM_AE_TITLE: 'A\\B', SPINEQC_MODE: 'cluster' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/SPINEQC_HTTP_PORT.*"eighty"/);
      expect(problems).toMatch(/SPINEQC_DICOM_AE_TITLE/);
      expect(problems).toMatch(/SPINEQC_MODE/);
    }
  });

  it('requires Kafka, PostgreSQL and a patient-ID key in distributed mode', () => {
    expect(() => loadConfig({ SPINEQC_MODE: 'distributed' })).toThrow(
      /SPINEQC_KAFKA_BROKERS[\s\S]*SPINEQC_DATABASE_URL[\s\S]*SPINEQC_PATIENT_ID_KEY/,
    );
    const c = loadConfig({
      SPINEQC_MODE: 'distributed',
      SPINEQC_KAFKA_BROKERS: 'kafka:9092, kafka2:9092',
      SPINEQC_DATABASE_URL: 'postgresql://u:p@db/spineqc',
      SPINEQC_PATIENT_ID_KEY: '0123456789abcdef0123',
    });
    expect(c.bus).toMatchObject({ kind: 'kafka', brokers: ['kafka:9092', 'kafka2:9092'] });
  });

  it('lets command-line overrides win over the environment', () => {
    expect(loadConfig({ SPINEQC_HTTP_PORT: '9000' }, { SPINEQC_HTTP_PORT: '9001' }).http.port).toBe(9001);
  });
});
