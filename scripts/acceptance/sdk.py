"""The official Python SDK (centrifuge-python) against rotor: connect, subscribe, publish, history, presence
and recovery after a server-side disconnect, in the mode given as argument (json or protobuf)."""
import asyncio
import json
import sys

import requests
from centrifuge import Client, ClientEventHandler, SubscriptionEventHandler

from common import API_KEY, API_URL, WS_URL, check, token

TIMEOUT = 10


class Recorder(SubscriptionEventHandler):
    """Collects what the subscription sees."""

    def __init__(self) -> None:
        self.publications = asyncio.Queue()
        self.subscribed = asyncio.Queue()

    async def on_publication(self, ctx) -> None:
        await self.publications.put(ctx.pub)

    async def on_subscribed(self, ctx) -> None:
        await self.subscribed.put(ctx)


def api(method: str, params: dict) -> dict:
    response = requests.post(
        API_URL, json={"method": method, "params": params}, headers={"Authorization": f"apikey {API_KEY}"}, timeout=5
    )
    response.raise_for_status()
    return response.json()


def payload(value: dict, use_protobuf: bool):
    """What the SDK takes as publication data: the JSON value itself, or its bytes in Protobuf mode."""
    return json.dumps(value).encode() if use_protobuf else value


def data(publication) -> dict:
    """A publication's data as a JSON value (Protobuf mode hands raw bytes)."""
    raw = publication.data
    return json.loads(raw) if isinstance(raw, (bytes, bytearray)) else raw


async def main(mode: str) -> None:
    use_protobuf = mode == "protobuf"
    channel = f"acceptance-{mode}"
    client = Client(
        WS_URL, token=token(f"python-{mode}"), use_protobuf=use_protobuf, events=ClientEventHandler(),
        min_reconnect_delay=1.0, max_reconnect_delay=2.0,
    )
    recorder = Recorder()
    subscription = client.new_subscription(channel, events=recorder)
    await client.connect()
    await client.ready(timeout=TIMEOUT)
    check(True, f"[{mode}] connected")
    await subscription.subscribe()
    first = await asyncio.wait_for(recorder.subscribed.get(), TIMEOUT)
    check(first.recoverable and first.positioned, f"[{mode}] subscribed to a recoverable, positioned channel")

    await subscription.publish(payload({"text": "from the SDK"}, use_protobuf))
    pub = await asyncio.wait_for(recorder.publications.get(), TIMEOUT)
    check(data(pub) == {"text": "from the SDK"} and pub.offset == 1, f"[{mode}] own publication received with offset 1")

    api("publish", {"channel": channel, "data": {"text": "from the API"}})
    pub = await asyncio.wait_for(recorder.publications.get(), TIMEOUT)
    check(data(pub) == {"text": "from the API"} and pub.offset == 2, f"[{mode}] API publication received")

    history = await subscription.history(limit=10)
    check([data(p)["text"] for p in history.publications] == ["from the SDK", "from the API"], f"[{mode}] history")
    check(history.offset == 2 and history.epoch != "", f"[{mode}] history position")

    presence = await subscription.presence()
    check(len(presence.clients) == 1, f"[{mode}] presence has the client")
    stats = await subscription.presence_stats()
    check(stats.num_clients == 1 and stats.num_users == 1, f"[{mode}] presence stats")

    # The server drops the connection with a reconnect code; while the SDK waits to reconnect, two more
    # publications happen; on resubscribe the SDK asks to recover and must get both from history.
    api("disconnect", {"user": f"python-{mode}", "disconnect": {"code": 3100, "reason": "acceptance reconnect"}})
    api("publish", {"channel": channel, "data": {"text": "missed 1"}})
    api("publish", {"channel": channel, "data": {"text": "missed 2"}})
    again = await asyncio.wait_for(recorder.subscribed.get(), TIMEOUT)
    check(again.was_recovering and again.recovered, f"[{mode}] resubscribed and recovered")
    missed = [await asyncio.wait_for(recorder.publications.get(), TIMEOUT) for _ in range(2)]
    check([data(p)["text"] for p in missed] == ["missed 1", "missed 2"], f"[{mode}] missed publications recovered in order")
    check([p.offset for p in missed] == [3, 4], f"[{mode}] recovered offsets")

    await client.disconnect()
    check(True, f"[{mode}] disconnected")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
