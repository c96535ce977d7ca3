/** Open/close state for a top-bar menu: closes on outside click and on Escape. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useDropdown(root: Ref<HTMLElement | null | undefined>) {
  const open = ref(false);
  const onDocClick = (e: MouseEvent) => {
    if (open.value && root.value && e.target instanceof Node && !root.value.contains(e.target)) open.value = false;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') open.value = false;
  };
  onMounted(() => {
    document.addEventListener('click', onDocClick);
    document.addEventListener('keydown', onKey);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('click', onDocClick);
    document.removeEventListener('keydown', onKey);
  });
  return { open, toggle: () => (open.value = !open.value), close: () => (open.value = false) };
}
