/** The flashbar's messages: outcomes of the learner's actions, newest first. */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type FlashKind = 'success' | 'error' | 'info';

export interface Flash {
  id: number;
  kind: FlashKind;
  title: string;
  /** For errors: AWS's error code, shown as AWS's console does. */
  code?: string;
  message?: string;
  /** A button on the message (the private key's "Save to disk"). */
  action?: { label: string; run(): void };
}

export const useFlashStore = defineStore('flash', () => {
  const items = ref<Flash[]>([]);
  let next = 1;

  function show(flash: Omit<Flash, 'id'>): number {
    const id = next++;
    items.value = [{ id, ...flash }, ...items.value].slice(0, 5);
    return id;
  }
  function dismiss(id: number): void {
    items.value = items.value.filter((f) => f.id !== id);
  }
  function clear(): void {
    items.value = [];
  }
  return { items, show, dismiss, clear };
});
