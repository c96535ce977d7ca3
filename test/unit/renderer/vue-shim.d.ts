// tsconfig.node.json checks tests without the renderer's env.d.ts; .vue imports need a type there too.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
