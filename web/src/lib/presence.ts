/** The staff member's chosen presence for this tab (memory only), shared by every page that opens the socket. */
export type MyPresence = 'available' | 'busy' | 'away';
let current: MyPresence = 'available';
const listeners = new Set<() => void>();

export function getPresence(): MyPresence {
  return current;
}

export function setPresence(p: MyPresence): void {
  current = p;
  for (const l of listeners) l();
}

export function subscribePresence(l: () => void): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}
