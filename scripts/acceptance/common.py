"""Shared helpers of the acceptance runs: the server address, the API key and HS256 connection tokens."""
import base64
import hashlib
import hmac
import json
import os
import time

PORT = int(os.environ["ROTOR_PORT"])
API_KEY = "acceptance-api-key"
SECRET = b"acceptance-secret"
WS_URL = f"ws://127.0.0.1:{PORT}/connection/websocket"
API_URL = f"http://127.0.0.1:{PORT}/api"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(user: str, ttl: int = 3600) -> str:
    """A connection JWT for `user`, signed with the configured HMAC secret."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = _b64(json.dumps({"sub": user, "exp": int(time.time()) + ttl}).encode())
    signature = hmac.new(SECRET, f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{_b64(signature)}"


def check(condition: bool, what: str) -> None:
    """Fails the run with `what` unless `condition` holds; prints a line either way."""
    if not condition:
        raise SystemExit(f"FAIL {what}")
    print(f"ok   {what}")
