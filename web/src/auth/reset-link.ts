/** The secret of a reset link, from the address's fragment (`#token=…`), or null. */
export function tokenFromFragment(hash: string): string | null {
  const found = /^#token=([A-Za-z0-9_-]{20,200})$/.exec(hash);
  return found?.[1] ?? null;
}

export type LinkProblem = 'noToken' | 'linkInvalid' | 'linkUsed' | 'linkExpired';

/** What the server said about the link (the field `token`), as the page's message for it. */
export function linkProblem(serverMessage: string | undefined): LinkProblem | null {
  if (serverMessage === undefined) return null;
  if (/already been used/.test(serverMessage)) return 'linkUsed';
  if (/expired/.test(serverMessage)) return 'linkExpired';
  return 'linkInvalid';
}
