/** The `$env` an expression sees: only the names listed in JUNCTION_ENV_ALLOW (comma-separated). */
export function allowedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const names = (env.JUNCTION_ENV_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]!]));
}
