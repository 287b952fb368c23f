/** AWS's ceiling on an execution's duration: a year for Standard, five minutes for Express. */
export const MAX_DURATION_SECONDS = { STANDARD: 365 * 24 * 60 * 60, EXPRESS: 5 * 60 } as const;
