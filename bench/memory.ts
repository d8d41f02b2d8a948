import { getHeapStatistics } from 'node:v8';

// Memory figures of the current (child) process. The OS high-water mark (getrusage's maxrss) is the
// honest peak RSS: it sees every allocation, even inside long synchronous stretches. The V8 heap has
// no such counter, so it is sampled on a timer (which fires whenever the work awaits) and once more
// when the work ends, before any GC.

export interface MemoryFigures {
  /** RSS after imports, before the measured work (node + tsx + the modules), MB. */
  baselineRssMb: number;
  /** OS-reported peak RSS of the whole process, MB. */
  peakRssMb: number;
  /** Highest sampled V8 heapUsed, MB (a lower bound of the true peak). */
  peakHeapMb: number;
  /** heapUsed after a full GC once the work is done: what stays resident, MB. */
  retainedHeapMb: number;
  /** CPU time (user + system, all threads) the process spent on the work, ms. Far below the wall
   *  time of a CPU-bound task means the machine was busy with something else. */
  cpuMs: number;
}

const MB = 1024 * 1024;

/** Starts sampling; v8's heap statistics are cheap to read, unlike memoryUsage() (which reads /proc). */
export function memorySampler(intervalMs = 5): { stop(): Omit<MemoryFigures, 'retainedHeapMb'> } {
  const baseline = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  let peakHeap = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => { peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size); }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      const cpu = process.cpuUsage(cpu0);
      return {
        cpuMs: (cpu.user + cpu.system) / 1000,
        baselineRssMb: baseline / MB,
        peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
        peakHeapMb: peakHeap / MB,
      };
    },
  };
}

/** Heap still in use after a full collection (needs --expose-gc; NaN without it). */
export function retainedHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}
