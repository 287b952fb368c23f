/** The documented exit codes; scripts and CI rely on them. */
export const ExitCode = {
  /** Everything checked out. */
  Ok: 0,
  /** A finding: an invalid definition, a failed execution, a stale artifact, a type error. */
  Finding: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, unreadable input. */
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
