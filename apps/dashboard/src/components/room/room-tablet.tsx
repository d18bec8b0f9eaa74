'use client';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Alert } from '@mantine/core';
import type { FeedbackRecordJson } from '@spineqc/contracts';
import { useSession } from '@/components/auth/session-provider';
import { speaksAsAccount } from '@/lib/auth/roles';
import type { RoomExam } from '@/lib/live/room-state';
import { useRoomLive } from '@/lib/live/use-room-live';
import { CaughtUpNotice } from './caught-up-notice';
import { CriteriaList } from './criteria-list';
import { FeedbackBar } from './feedback-bar';
import { RecentStrip } from './recent-strip';
import { RoomHeader } from './room-header';
import { useShownDetail } from './use-shown-detail';
import { VerdictImage } from './verdict-image';
import { VerdictPanel } from './verdict-panel';
import classes from './room-tablet.module.css';

// Loaded when someone disagrees, not with the page: the form's inputs are most of the tablet's toolkit code.
const FeedbackModal = dynamic(() => import('./feedback-modal').then((m) => m.FeedbackModal), { ssr: false });

/** The tablet beside a DR console: the newest exam's verdict, live, readable from two metres. */
export function RoomTablet({ station }: { station: string }) {
  const { state, connection, lastSyncAt, error, loadDetail } = useRoomLive(station);
  const { session } = useSession();
  // A person's feedback is recorded under their account; a shared tablet must be told who is speaking.
  const signedInAs = session && speaksAsAccount(session) ? session.name : null;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dismissedSnapshot, setDismissedSnapshot] = useState(0);
  const [feedback, setFeedback] = useState<Record<string, FeedbackRecordJson>>({});
  // The exam being disputed, as it was when the form opened: the next image must not pull the form away.
  const [disputed, setDisputed] = useState<RoomExam | null>(null);
  const record = (entry: FeedbackRecordJson) => setFeedback((all) => ({ ...all, [entry.examId]: entry }));

  // An exam tapped in the strip stays on screen until "Back to live" (or until it leaves the room's history).
  const selected = selectedId ? (state.exams.find((exam) => exam.examId === selectedId) ?? null) : null;
  const following = selected === null || selected.examId === state.current?.examId;
  const shown = selected ?? state.current;
  const detailError = useShownDetail(shown, loadDetail);
  const showCaughtUp = state.missedOnReconnect > 0 && dismissedSnapshot !== state.snapshots;

  return (
    <div className={classes.tablet}>
      {/* A paired tablet has no way out of its room; a person who opened it from the desk has one back. */}
      <RoomHeader
        station={station}
        connection={connection}
        lastSyncAt={lastSyncAt}
        exitHref={signedInAs ? '/' : undefined}
      />
      <div className={classes.notices}>
        {error && (
          <Alert color="red" title="Live link problem" data-testid="live-error">
            {error}
          </Alert>
        )}
        {showCaughtUp && (
          <CaughtUpNotice
            count={state.missedOnReconnect}
            onClose={() => setDismissedSnapshot(state.snapshots)}
          />
        )}
      </div>
      <main className={classes.main}>
        <section className={classes.verdictArea} aria-label="Verdict">
          <VerdictPanel
            station={station}
            exam={shown}
            loading={state.snapshots === 0 && connection !== 'offline'}
            onBackToLive={following ? undefined : () => setSelectedId(null)}
          />
          {shown && (
            <FeedbackBar
              key={shown.examId}
              exam={shown}
              recorded={feedback[shown.examId]}
              signedInAs={signedInAs}
              onRecorded={record}
              onDisagree={() => setDisputed(shown)}
            />
          )}
        </section>
        <section className={classes.imageArea} aria-label="Image with overlay">
          <VerdictImage key={shown?.examId ?? 'none'} exam={shown} />
        </section>
        <div className={classes.criteriaArea}>
          <CriteriaList exam={shown} error={detailError} />
        </div>
      </main>
      {disputed && (
        <FeedbackModal
          key={disputed.examId}
          exam={disputed}
          signedInAs={signedInAs}
          opened
          onClose={() => setDisputed(null)}
          onRecorded={(entry) => {
            setDisputed(null);
            record(entry);
          }}
        />
      )}
      <RecentStrip
        exams={state.exams}
        selectedId={following ? null : selectedId}
        onSelect={(examId) => setSelectedId(examId === state.current?.examId ? null : examId)}
      />
    </div>
  );
}
