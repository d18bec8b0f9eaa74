import { randomUUID } from 'node:crypto';
import { DEFAULT_ALERT_RULES, evaluateAlerts } from '@spineqc/alert-rules';
import { loadConfig } from '@spineqc/config';
import type { CriterionOutcome, JudgedVerdict } from '@spineqc/contracts';
import { openDatabase, type Database, type ExamDetail } from '@spineqc/database';
import { silentLogger } from '@spineqc/logging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAlertExam } from './alert-exam.js';
import { AlertService } from './alert.service.js';

const HOUR_MS = 3_600_000;
const config = loadConfig({ SPINEQC_HTTP_PORT: '0' });

function criteria(qualified: boolean): CriterionOutcome[] {
  return [
    {
      id: 'vertebrae-in-field',
      label: 'Vertebrae T11–L5 in the field',
      passed: qualified,
      value: qualified ? 7 : 9,
      range: [7, 7],
      unit: 'count',
      message: qualified ? '7 vertebrae in field' : '9 vertebrae in field',
    },
    {
      id: 'exposure',
      label: 'Exposure',
      passed: true,
      value: 0,
      range: [-3, 3],
      unit: 'DI',
      message: 'DI 0',
    },
  ];
}

// The service with its real database (PGlite): what it loads, counts and raises after each stored verdict.
describe('AlertService', () => {
  let db: Database;
  let service: AlertService;

  beforeEach(async () => {
    db = await openDatabase({ url: 'pglite://memory' });
    service = new AlertService(db, DEFAULT_ALERT_RULES, config, silentLogger);
  });

  afterEach(async () => {
    await db.close();
  });

  /** Records an exam and its verdict as the verdict sink does; the stored exam. */
  async function judgedExam(station: string, operator: string, receivedAt: Date, qualified: boolean) {
    const sopInstanceUid = `2.25.${BigInt(`0x${randomUUID().replaceAll('-', '')}`)}`;
    const { exam } = await db.exams.recordReceived({
      sopInstanceUid,
      station,
      operator,
      source: 'stow-rs',
      requestedView: null,
      receivedAt,
      image: {
        storageKey: `originals/${sopInstanceUid}.dcm`,
        format: 'dicom',
        sizeBytes: 1,
        sha256: '0'.repeat(64),
      },
    });
    const verdict: JudgedVerdict = {
      examId: exam.id,
      sopInstanceUid,
      station,
      operator,
      receivedAt: receivedAt.toISOString(),
      judgedAt: new Date(receivedAt.getTime() + 500).toISOString(),
      worker: 'spec',
      attempts: 1,
      status: 'judged',
      view: 'ap',
      viewSource: 'dicom',
      qualified,
      notAssessable: false,
      reason: null,
      confidence: 0.9,
      criteria: criteria(qualified),
      vertebrae: [],
      pixelSpacingMm: [0.15, 0.15],
      pixelSpacingSource: 'dicom:PixelSpacing',
      modelVersion: 'spec-model',
      rulesVersion: 'spec-rules',
      timingsMs: {},
    };
    return (await db.exams.recordVerdict(verdict)).exam;
  }

  it('rates the whole 7-day period from database counts, more exams than the history it loads', async () => {
    const now = Date.now();
    // 60 exams over the last six days, each by its own technologist: the 6 oldest unqualified. The room's
    // history the count windows load (its last 30 exams) holds none of them; the period holds all.
    const earlier: ExamDetail[] = [];
    for (let n = 60; n >= 1; n -= 1) {
      earlier.push(await judgedExam('DR-RATE', `T${n}`, new Date(now - n * 2.4 * HOUR_MS), n <= 54));
    }
    const exam = await judgedExam('DR-RATE', 'T0', new Date(now - 60_000), false);

    await service.onVerdictRecorded(exam);

    const { items } = await db.alerts.list();
    expect(items).toHaveLength(1);
    const unqualified = [...earlier.slice(0, 6), exam].map((e) => e.id);
    expect(items[0]).toMatchObject({
      ruleKind: 'unqualified-rate',
      subjectKind: 'station',
      subject: 'DR-RATE',
      examIds: unqualified,
      metrics: { unqualified: 7, assessable: 61, days: 7 },
    });
    // The same alert the rules raise on the period's every exam.
    const everything = await db.exams.recentForAlerts({
      station: 'DR-RATE',
      since: new Date(0),
      limit: 5000,
    });
    const expected = evaluateAlerts({
      config: DEFAULT_ALERT_RULES,
      exam: toAlertExam(exam)!,
      history: everything,
      recentAlerts: [],
      now: new Date(),
    });
    // jsonb keeps the rate to 15 significant digits: compare it apart.
    const withoutRate = <A extends { metrics: Record<string, unknown> }>({
      metrics: { rate, ...metrics },
      ...alert
    }: A) => ({ alert: { ...alert, metrics }, rate: Number(rate) });
    const [stored] = items.map(({ id: _id, raisedAt: _raisedAt, ...alert }) => withoutRate(alert));
    const [computed] = expected.map(withoutRate);
    expect(stored?.alert).toEqual(computed?.alert);
    expect(stored?.rate).toBeCloseTo(computed?.rate ?? Number.NaN, 12);
  });

  it('links alerts and verdicts to the API on the port actually bound', async () => {
    await db.webhooks.create({
      url: 'https://qa.example.org/hook',
      secret: `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`,
      eventTypes: ['alert.raised', 'exam.judged'],
    });
    service.useBoundPort(41234);
    const now = Date.now();
    for (const minutesAgo of [30, 20, 10]) {
      await service.onVerdictRecorded(
        await judgedExam('DR-LINK', 'Larsen', new Date(now - minutesAgo * 60_000), false),
      );
    }
    const { items } = await db.webhooks.listDeliveries({ limit: 100 });
    const links = items.flatMap((delivery) => {
      const payload = delivery.payload as { links: { api: string | string[] } };
      return [payload.links.api].flat();
    });
    expect(items.some((delivery) => delivery.eventType === 'alert.raised')).toBe(true);
    expect(links.length).toBeGreaterThan(items.length);
    for (const link of links) expect(link).toMatch(/^http:\/\/localhost:41234\/api\/exams\/[0-9a-f-]{36}$/);
  });
});
