/**
 * Everything the CLI prints passes through here. Node names, log lines and error messages
 * come from flow files and the systems a flow talks to; printed raw, their control
 * characters could retitle the window, clear the screen or paint a fake "Run succeeded".
 */

// C0 controls but tab and newline, DEL, and the C1 controls (ESC's 8-bit twins, e.g. CSI U+009B).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text with every control character but newline and tab removed. */
export const inert = (text: string): string => text.replace(CONTROL, '');

/** Where the CLI writes: text is made inert; `control` is for the CLI's own cursor codes only. */
export interface Terminal {
  write(text: string): void;
  /** Writes one of the CLI's own escape sequences (never data) as it is. */
  control(code: string): void;
  isTTY: boolean;
}

export function terminal(stream: NodeJS.WritableStream & { isTTY?: boolean }): Terminal {
  return {
    write: (text) => { stream.write(inert(text)); },
    control: (code) => { stream.write(code); },
    isTTY: stream.isTTY === true,
  };
}
