"""What a ticketflow client computes itself, once for the Python tools: scripts/smoke and ApiFuzzIT's schemathesis
hooks (local/runtime/src/test/resources/fuzz, which get this folder on PYTHONPATH from Schemathesis.java).
Python 3 standard library only.
"""
import base64
import hashlib
import json
import time


def jwt_claims(token):
    """The claims of a compact JWT or JWS, unverified (the API verifies them): a dict, or None when `token` is not
    one whose payload reads as a JSON object."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (AttributeError, IndexError, ValueError):
        return None
    return claims if isinstance(claims, dict) else None


def queue_work(concert, user, difficulty):
    """The X-Queue-Work header value `user` needs to enter `concert`'s queue, as io.ticketflow.kernel.work.ProofOfWork
    checks it: SHA-256 of "ticketflow-queue-work:v1:<concert>:<user>:<issuedAt>:<nonce>" with `difficulty` leading
    zero bits, answered as "<issuedAt>.<nonce>" (good for 5 minutes)."""
    issued_at = int(time.time())
    prefix = f"ticketflow-queue-work:v1:{concert}:{user}:{issued_at}:"
    nonce = 0
    while int.from_bytes(hashlib.sha256(f"{prefix}{nonce}".encode()).digest(), "big") >> (256 - difficulty) != 0:
        nonce += 1
    return f"{issued_at}.{nonce}"
