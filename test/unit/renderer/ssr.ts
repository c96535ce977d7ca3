/**
 * Server-rendering components that use Naive UI: its styles need css-render's SSR adapter (Naive UI's
 * documented way to render without a DOM); the collected CSS is thrown away.
 */
import { renderToString } from '@vue/test-utils';
import { setup } from '@css-render/vue3-ssr';
import type { App } from 'vue';

export async function renderHtml(component: Parameters<typeof renderToString>[0], props: Record<string, unknown>): Promise<string> {
  const html = await renderToString(component, {
    props: props as never,
    global: { plugins: [{ install: (app: App) => void setup(app) }] },
  });
  return html.replace(/ data-v-[0-9a-f]+/g, '').replace(/&#39;/g, "'");
}
