import { Inject, Injectable } from '@nestjs/common';
import {
  ALERT_RULE_KINDS,
  evaluateAlerts,
  historyNeeded,
  periodCountsNeeded,
  type AlertExam,
  type AlertRuleKind,
  type AlertRulesConfig,
  type PeriodCountsBySubject,
  type RecentAlert,
} from '@spineqc/alert-rules';
import type { SpineqcConfig } from '@spineqc/config';
import { MAX_ALERT_HISTORY, type Database, type ExamDetail } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { ALERT_RULES, CONFIG, DATABASE } from '../tokens.js';
import { toAlertExam } from './alert-exam.js';
import { alertPayload, examJudgedPayload, type ExamLinkBase } from './alert-payload.js';
import { withBoundPort } from './bound-url.js';

const DAY_MS = 86_400_000;
/** Count-based windows ("3 of the last 5") look no further back than this. */
const COUNT_WINDOW_DAYS = 30;

/**
 * After each recorded verdict: queues `exam.judged` for the subscriptions that want it, evaluates the alert rules
 * on the room's and the technologist's recent history (the count windows' last few exams, and the rate period as
 * database counts), and raises what they find (alert + outbox rows in one transaction). Verdicts are evaluated
 * one at a time in this process, so two verdicts arriving together cannot both slip past a cool-down.
 */
@Injectable()
export class AlertService {
  private queue: Promise<void> = Promise.resolve();
  private links: ExamLinkBase;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(ALERT_RULES) private readonly rules: AlertRulesConfig,
    @Inject(CONFIG) config: SpineqcConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.links = { dashboardUrl: config.dashboard.publicUrl, apiUrl: config.http.publicUrl };
  }

  /** Once the HTTP server listens: API links built for port 0 get the port actually bound. */
  useBoundPort(port: number): void {
    this.links = { ...this.links, apiUrl: withBoundPort(this.links.apiUrl, port) };
  }

  onVerdictRecorded(exam: ExamDetail): Promise<void> {
    const next = this.queue.then(() => this.process(exam));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async process(exam: ExamDetail): Promise<void> {
    await this.db.webhooks.enqueue({
      eventType: 'exam.judged',
      payload: examJudgedPayload(exam, this.links),
      station: exam.station || null,
      technologist: exam.technologist || null,
      view: exam.verdict?.view ?? null,
      examId: exam.id,
    });
    const alertExam = toAlertExam(exam);
    if (!alertExam) return;
    const now = new Date();
    // After recordVerdict: the stored exam is in the period counts once, as the rules expect.
    const [history, periodCounts, recentAlerts] = await Promise.all([
      this.history(alertExam, now),
      this.periodCounts(alertExam, now),
      this.recentAlerts(now),
    ]);
    const found = evaluateAlerts({
      config: this.rules,
      exam: alertExam,
      history,
      periodCounts,
      recentAlerts,
      now,
    });
    for (const alert of found) {
      const { alert: stored, deliveries } = await this.db.alerts.raise({
        alert,
        now,
        payload: (record) => alertPayload(record, this.links),
      });
      this.logger.info('alert raised', {
        alertId: stored.id,
        rule: stored.ruleKind,
        subjectKind: stored.subjectKind,
        subject: stored.subject,
        exams: stored.examIds.length,
        deliveries: deliveries.length,
      });
    }
  }

  /** The count windows' recent exams, with a margin: exams a rule cannot use do not fill its window. */
  private async history(exam: AlertExam, now: Date): Promise<AlertExam[]> {
    const needed = historyNeeded(this.rules);
    const since = new Date(now.getTime() - COUNT_WINDOW_DAYS * DAY_MS);
    const limitFor = (count: number) => Math.min(MAX_ALERT_HISTORY, count * 4 + 10);
    const [byTechnologist, byStation] = await Promise.all([
      exam.technologist && needed.perTechnologist > 0
        ? this.db.exams.recentForAlerts({
            technologist: exam.technologist,
            since,
            limit: limitFor(needed.perTechnologist),
          })
        : [],
      exam.station && needed.perStation > 0
        ? this.db.exams.recentForAlerts({ station: exam.station, since, limit: limitFor(needed.perStation) })
        : [],
    ]);
    return [...byTechnologist, ...byStation];
  }

  /** The rate rule's period, counted by the database (none when this verdict cannot raise it). */
  private async periodCounts(exam: AlertExam, now: Date): Promise<PeriodCountsBySubject> {
    const needed = periodCountsNeeded(this.rules, exam, now);
    if (!needed) return {};
    const counts: PeriodCountsBySubject = {};
    await Promise.all(
      needed.subjects.map(async ({ kind, subject }) => {
        const filter = kind === 'station' ? { station: subject } : { technologist: subject };
        counts[kind] = { since: needed.since, ...(await this.db.exams.periodCounts(filter, needed.since)) };
      }),
    );
    return counts;
  }

  /** Alerts still inside some rule's cool-down (rules of another configuration version included). */
  private async recentAlerts(now: Date): Promise<RecentAlert[]> {
    const stored = await this.db.alerts.recent({ since: new Date(now.getTime() - this.longestCooldownMs()) });
    return stored
      .filter((alert) => (ALERT_RULE_KINDS as readonly string[]).includes(alert.ruleKind))
      .map((alert) => ({ ...alert, ruleKind: alert.ruleKind as AlertRuleKind }));
  }

  private longestCooldownMs(): number {
    return Math.max(...Object.values(this.rules.rules).map((rule) => rule.cooldownMinutes)) * 60_000;
  }
}
