import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times: 100 on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms, all threads) process `pid` has used so far; null where /proc is not there. */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces, inside parentheses) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[14 - 3]), Number(fields[15 - 3])];
  return Number.isFinite(utime) && Number.isFinite(stime)
    ? ((utime + stime) * 1000) / TICKS_PER_SECOND
    : null;
}

export interface CpuMeter {
  /** CPU ms per image used by each process since the meter was started. */
  perImage(images: number): Record<string, number>;
}

/** Starts measuring the CPU time of the named processes and of this one (the sender and the tablet). */
export function startCpuMeter(processes: { name: string; pid: number }[]): CpuMeter {
  const self = process.cpuUsage();
  const before = processes.map((p) => ({ ...p, ms: processCpuMs(p.pid) }));
  return {
    perImage(images) {
      const used: Record<string, number> = {};
      for (const p of before) {
        const now = processCpuMs(p.pid);
        if (p.ms !== null && now !== null) used[p.name] = (now - p.ms) / images;
      }
      const { user, system } = process.cpuUsage(self);
      used['bench (sender, tablet)'] = (user + system) / 1000 / images;
      return used;
    },
  };
}
