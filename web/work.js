// The proof of work the queue asks for before an enter (header X-Queue-Work), the same challenge the server checks
// (io.ticketflow.kernel.work.ProofOfWork): SHA-256 of "ticketflow-queue-work:v1:<concert>:<user>:<issuedAt>:<nonce>"
// must start with `difficulty` zero bits; the header is "<issuedAt>.<nonce>". About 2^difficulty hashes: a fan's
// browser pays it once per enter, a bot army once per identity.
const encoder = new TextEncoder();

function leadingZeroBits(hash) {
  let bits = 0;
  for (const byte of hash) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

export async function solveQueueWork(concertId, userId, difficulty) {
  const issuedAt = Math.floor(Date.now() / 1000);
  const prefix = `ticketflow-queue-work:v1:${concertId}:${userId}:${issuedAt}:`;
  for (let nonce = 0; ; nonce += 1) {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(prefix + nonce)));
    if (leadingZeroBits(hash) >= difficulty) return `${issuedAt}.${nonce}`;
  }
}
