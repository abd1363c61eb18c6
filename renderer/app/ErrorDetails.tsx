/** A run's error in one line of a bar, opening below to the whole message: never cut off. */
export function ErrorDetails({ text, testId }: { text: string; testId?: string }) {
  return (
    <details className="run-error" data-testid={testId}>
      <summary title="Show the whole message">{text}</summary>
      <div className="run-error-full" role="note" data-testid={testId ? `${testId}-full` : undefined}>{text}</div>
    </details>
  );
}
