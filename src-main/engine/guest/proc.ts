/** /proc files generated from the instance type and the simulated clock (never stored). */
import type { InstanceHardware } from './types';

export function cpuinfo(hw: InstanceHardware): string {
  const mhz = (hw.clockGhz * 1000).toFixed(3);
  const cache = /E5-2686/.test(hw.processor) ? 46080 : /E5-2676/.test(hw.processor) ? 30720 : 25600;
  const blocks: string[] = [];
  for (let i = 0; i < hw.vCpus; i++) {
    blocks.push(
      [
        `processor\t: ${i}`,
        'vendor_id\t: GenuineIntel',
        'cpu family\t: 6',
        `model\t\t: ${/v4/.test(hw.processor) ? 79 : 63}`,
        `model name\t: ${hw.processor}`,
        'stepping\t: 2',
        'microcode\t: 0x25',
        `cpu MHz\t\t: ${mhz}`,
        `cache size\t: ${cache} KB`,
        'physical id\t: 0',
        `siblings\t: ${hw.vCpus}`,
        `core id\t\t: ${i}`,
        `cpu cores\t: ${hw.vCpus}`,
        `apicid\t\t: ${i * 2}`,
        'fpu\t\t: yes',
        'fpu_exception\t: yes',
        'cpuid level\t: 13',
        'wp\t\t: yes',
        'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx rdtscp lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm fsgsbase bmi1 avx2 smep bmi2 erms invpcid xsaveopt',
        `bogomips\t: ${(hw.clockGhz * 2000).toFixed(2)}`,
        'clflush size\t: 64',
        'cache_alignment\t: 64',
        'address sizes\t: 46 bits physical, 48 bits virtual',
        'power management:',
      ].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n\n`;
}

/**
 * Memory as `free -m` shows it: the type's RAM minus what the hypervisor and kernel keep. Fitted to the
 * book's two readings (§3.4): t2.micro 990/42/632/3/315/794 MB, m4.large 7982/62/7770/8/149/7701 MB.
 */
export function memory(hw: InstanceHardware): { totalKiB: number; usedKiB: number; freeKiB: number; sharedKiB: number; buffCacheKiB: number; availableKiB: number } {
  const x = (hw.memoryMiB - 1024) / 7168;
  const lerp = (a: number, b: number): number => a + (b - a) * x;
  const total = hw.memoryMiB - lerp(34, 210);
  const used = Math.max(20, lerp(42, 62));
  const shared = Math.max(1, lerp(3, 8));
  const buffCache = Math.max(60, Math.min(315, lerp(315, 149)));
  const free = total - used - buffCache - 1;
  const available = total - used - shared - lerp(151, 211);
  const k = (mib: number): number => Math.round(mib * 1024 + 512);
  return { totalKiB: k(total), usedKiB: k(used), freeKiB: k(free), sharedKiB: k(shared), buffCacheKiB: k(buffCache), availableKiB: k(available) };
}

export function meminfo(hw: InstanceHardware): string {
  const m = memory(hw);
  const row = (k: string, v: number): string => `${`${k}:`.padEnd(16)}${String(v).padStart(8)} kB`;
  return `${[
    row('MemTotal', m.totalKiB),
    row('MemFree', m.freeKiB),
    row('MemAvailable', m.availableKiB),
    row('Buffers', Math.round(m.buffCacheKiB * 0.05)),
    row('Cached', Math.round(m.buffCacheKiB * 0.95)),
    row('SwapCached', 0),
    row('Active', Math.round(m.usedKiB * 1.4)),
    row('Inactive', Math.round(m.buffCacheKiB * 0.6)),
    row('SwapTotal', 0),
    row('SwapFree', 0),
    row('Dirty', 12),
    row('Shmem', m.sharedKiB),
  ].join('\n')}\n`;
}

export function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const hm = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes} min`;
  return days > 0 ? `${days} day${days > 1 ? 's' : ''}, ${hm}` : hm;
}

/** What ps and top show of a process's CPU: simulated seconds used, and the share of one CPU. */
export interface ProcessCpu {
  seconds: number;
  /** Percent of one CPU over the window (ps: the process's life; top: since the last frame). */
  percent: number;
}

/**
 * A process's CPU in simulated time: its shell's runnable real milliseconds times the clock's warp
 * (the same measure guest/cpu.ts charges to the instance, so ps, top and CPUUtilization agree).
 */
export function processCpu(cpuRealMs: number, warp: number, since: { cpuSeconds: number; at: number }, now: number): ProcessCpu {
  const seconds = (cpuRealMs * Math.max(1, warp)) / 1000;
  const elapsed = (now - since.at) / 1000;
  const percent = elapsed > 0 ? Math.min(100, ((seconds - since.cpuSeconds) / elapsed) * 100) : 0;
  return { seconds, percent: Math.max(0, percent) };
}

/** 0:03.27 (top's TIME+) and 0:03 (ps's TIME). */
export const cpuTimePlus = (s: number): string => `${Math.floor(s / 60)}:${(s % 60).toFixed(2).padStart(5, '0')}`;
export const cpuTime = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
