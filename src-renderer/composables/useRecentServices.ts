/** "Recently visited" on Console Home: the services whose pages the learner opened, newest first. */
import { ref, watch, type Ref } from 'vue';
import { serviceOfPath } from './useConsoleServices';

const KEY = 'nimbus.recentServices';
const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

function read(): string[] {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const recent = ref<string[]>(read());

/** Call once with the router's path; anyone may read `recent`. */
export function useRecentServices(path?: Readonly<Ref<string>>) {
  if (path)
    watch(
      path,
      (p) => {
        const svc = serviceOfPath(p);
        if (!svc) return;
        recent.value = [svc.id, ...recent.value.filter((id) => id !== svc.id)].slice(0, 6);
        storage()?.setItem(KEY, JSON.stringify(recent.value));
      },
      { immediate: true },
    );
  return { recent };
}
