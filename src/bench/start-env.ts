/**
 * Variables that change what every Node start costs, `node -e 0` included, so a start-up ratio timed
 * under them is not the ratio a machine without them sees: NODE_EXTRA_CA_CERTS makes each process read
 * and parse a CA bundle at start (the system bundle, /etc/ssl/certs/ca-certificates.crt, about 416M
 * instructions, more than the CLI's own start), and NODE_OPTIONS can add flags or preloads. The same
 * fixed cost added to both sides pulls the ratio towards 1.
 */
const START_COST_VARS = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'] as const;

/** Which start-cost variables `env` sets; Node ignores an empty value, so it counts as unset. */
export function startCostVarsSet(env: NodeJS.ProcessEnv): string[] {
  return START_COST_VARS.filter((name) => (env[name] ?? '') !== '');
}

/** A child's environment: a copy of `parent` with `set` added and the `unset` keys removed. */
export function childEnv(
  parent: NodeJS.ProcessEnv,
  set: Readonly<Record<string, string>> = {},
  unset: readonly string[] = [],
): NodeJS.ProcessEnv {
  // Left out, not set to '': the child sees the key absent, as on a machine that never sets it.
  return Object.fromEntries(
    Object.entries({ ...parent, ...set }).filter(([name]) => !unset.includes(name)),
  );
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * One hyperfine command line. Unset keys go through `env -u VAR` — a program, so the line still runs
 * without a shell (`-N`); `VAR=value` prefixes need hyperfine's shell (see `needsShell`).
 */
export function hyperfineCommand(
  execPath: string,
  argv: readonly string[],
  set: Readonly<Record<string, string>> = {},
  unset: readonly string[] = [],
): string {
  return [
    ...(unset.length > 0 ? ['env', ...unset.flatMap((name) => ['-u', name])] : []),
    ...Object.entries(set).map(([k, v]) => `${k}=${quote(v)}`),
    quote(execPath),
    ...argv.map(quote),
  ].join(' ');
}

/** Whether a command with these `set` variables needs a shell (hyperfine without `-N`). */
export function needsShell(set: Readonly<Record<string, string>> | undefined): boolean {
  return set !== undefined && Object.keys(set).length > 0;
}
