/** Proportional set size (PSS) of browser processes, from /proc (Linux): what a process costs the machine. */
import { readdirSync, readFileSync } from 'node:fs';

const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d));
const parent = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] ?? '0';

/** PSS in MiB of one process (0 when it has ended). */
export function pssMiB(pid: string): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The processes descending from `root` for which `pick(pid)` holds (other browsers may be running). */
export function descendants(root: (pid: string) => boolean, pick: (pid: string) => boolean): string[] {
  const out: string[] = [];
  for (const pid of pids()) {
    try {
      if (!pick(pid)) continue;
      for (let p = pid; p && p !== '0' && p !== '1'; p = parent(p))
        if (root(p)) {
          out.push(pid);
          break;
        }
    } catch {
      // The process ended while we read it.
    }
  }
  return out;
}

export const cmdline = (pid: string) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');
/** Firefox names each content process by its kind: "WebExtensions" hosts every add-on's pages. */
export const processName = (pid: string) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
