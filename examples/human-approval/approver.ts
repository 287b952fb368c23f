import type { PendingApproval } from './approval-service';

/**
 * A person at the approvals API, as a separate loop: polls for pending requests and answers each
 * with `decide`. Stops when the signal fires.
 */
export async function runApprover(
  baseUrl: string,
  approver: string,
  decide: (request: unknown) => { approved: boolean; comment: string },
  signal: AbortSignal,
): Promise<number> {
  let answered = 0;
  while (!signal.aborted) {
    const pending = (await (await fetch(`${baseUrl}/pending`)).json()) as PendingApproval[];
    for (const item of pending) {
      const decision = decide(item.request);
      const response = await fetch(`${baseUrl}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: item.id, approver, ...decision }),
      });
      if (response.ok) answered++;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return answered;
}
