declare module 'virtual:junction-nodes' {
  export const modules: { file: string; module: Record<string, unknown> }[];
}
