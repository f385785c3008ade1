"""Macro fan-out benchmark: N WebSocket subscribers (JSON, protocol v2) on one channel of a running rotor,
publications through the HTTP API in batches, deliveries counted by the clients; the server's CPU time is
read from /proc/<pid>/stat. Prints deliveries per second and per server CPU-second.

Usage: fanout.py PORT SERVER_PID [--clients 1000] [--publications 2000] [--batch 50]"""
import argparse
import asyncio
import json
import os
import time
import urllib.request

import websockets

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def api(port: int, body: bytes) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api", data=body, headers={"Authorization": "apikey bench-api-key"})
    urllib.request.urlopen(request, timeout=30).read()


async def subscriber(port: int, channel: str, ready: asyncio.Event, counts: list, index: int, expected: int,
                     done: asyncio.Semaphore) -> None:
    async with websockets.connect(f"ws://127.0.0.1:{port}/connection/websocket", max_queue=None) as socket:
        await socket.send('{"id":1,"connect":{}}\n{"id":2,"subscribe":{"channel":"%s"}}' % channel)
        subscribed = False
        while not subscribed:
            for line in (await socket.recv()).split("\n"):
                subscribed = subscribed or '"id":2' in line
        ready.set()
        while counts[index] < expected:
            frame = await socket.recv()
            for line in frame.split("\n"):
                if line == "{}":
                    await socket.send("{}")
                elif '"pub"' in line:
                    counts[index] += 1
        done.release()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("pid", type=int)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--publications", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    channel = "bench"
    counts = [0] * args.clients
    done = asyncio.Semaphore(0)
    readies = [asyncio.Event() for _ in range(args.clients)]
    tasks = []
    for index in range(args.clients):
        tasks.append(asyncio.create_task(
            subscriber(args.port, channel, readies[index], counts, index, args.publications, done)))
        if index % 100 == 99:
            await asyncio.gather(*(ready.wait() for ready in readies[:index + 1]))
    await asyncio.gather(*(ready.wait() for ready in readies))
    loop = asyncio.get_running_loop()
    body = b"\n".join(json.dumps({"method": "publish", "params": {"channel": channel, "data": {"n": n}}}).encode()
                      for n in range(args.batch))
    cpu_before = server_cpu_seconds(args.pid)
    started = time.monotonic()

    def publish_all() -> None:
        for _ in range(args.publications // args.batch):
            api(args.port, body)

    publisher = loop.run_in_executor(None, publish_all)
    for _ in range(args.clients):
        await asyncio.wait_for(done.acquire(), 300)
    elapsed = time.monotonic() - started
    await publisher
    cpu = server_cpu_seconds(args.pid) - cpu_before
    deliveries = sum(counts)
    print(f"clients={args.clients} publications={args.publications} deliveries={deliveries}")
    print(f"wall={elapsed:.2f}s server_cpu={cpu:.2f}s")
    print(f"deliveries/s={deliveries / elapsed:,.0f} deliveries per server CPU-second={deliveries / max(cpu, 0.01):,.0f}")
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
