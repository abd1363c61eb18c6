// Vite turns `?worker` imports into Worker constructors. Declared per module (not `*?worker`)
// so this file cannot clash with vite/client types if the renderer adds them.
declare module 'monaco-editor/esm/vs/editor/editor.worker?worker' {
  const WorkerCtor: { new (): Worker };
  export default WorkerCtor;
}
declare module 'monaco-editor/esm/vs/language/json/json.worker?worker' {
  const WorkerCtor: { new (): Worker };
  export default WorkerCtor;
}
declare module 'monaco-editor/esm/vs/language/typescript/ts.worker?worker' {
  const WorkerCtor: { new (): Worker };
  export default WorkerCtor;
}
