"""The overload benchmark's load generator, run in its own process (bench/bench_overload.py starts it).

N virtual visitors at once on keep-alive connections, for a bounded time, loopback only. A newcomer
asks for the simulator's start page; after a 503 it waits Retry-After, as the waiting page does, then
asks again; after an answer it asks again at once (the harshest closed loop). A few visitors are in a
journey: with a live session, they post the first questionnaire page again and again. When the time
is up every connection is closed and /healthz is polled until it answers normally again.
Prints one JSON object: counts and latencies per kind of answer.
"""

import argparse
import asyncio
import json
import resource
import time

NORMAL_HEALTHZ_SECONDS = 0.5
RAMP_SECONDS = 2


async def exchange(reader, writer, request: bytes) -> tuple[int, dict]:
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readline()).strip() or b"0", 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers


class Visitor:
    def __init__(self, port, request, stats, journey, stop_at):
        self.port, self.request, self.stats, self.journey, self.stop_at = (
            port,
            request,
            stats,
            journey,
            stop_at,
        )

    async def run(self, delay):
        await asyncio.sleep(delay)
        connection = None
        while time.monotonic() < self.stop_at:
            try:
                if connection is None:
                    connection = await asyncio.open_connection("127.0.0.1", self.port)
                started = time.monotonic()
                status, headers = await asyncio.wait_for(exchange(*connection, self.request), 30)
            except (
                TimeoutError,
                OSError,
                ConnectionError,
                asyncio.IncompleteReadError,
                ValueError,
                IndexError,
            ):
                self.stats["errors"] += 1
                connection = await self.close(connection)
                await asyncio.sleep(0.5)
                continue
            elapsed = time.monotonic() - started
            kind = "busy" if status == 503 else ("other_5xx" if status >= 500 else "admitted")
            self.stats[kind].append(elapsed)
            if self.journey:
                self.stats["journey_busy" if status == 503 else "journey_admitted"] += 1
            if headers.get("connection", "").lower() == "close":
                connection = await self.close(connection)
            if status == 503:
                await asyncio.sleep(min(float(headers.get("retry-after", "1")), 30))
        await self.close(connection)

    @staticmethod
    async def close(connection):
        if connection is not None:
            connection[1].close()
        return None


async def healthz_recovery(port) -> float:
    """Seconds from the end of the load to the first /healthz answered 200 in under half a second."""
    started = time.monotonic()
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    while time.monotonic() - started < 60:
        asked = time.monotonic()
        try:
            connection = await asyncio.open_connection("127.0.0.1", port)
            status, _ = await asyncio.wait_for(exchange(*connection, request), 10)
            connection[1].close()
            if status == 200 and time.monotonic() - asked < NORMAL_HEALTHZ_SECONDS:
                return asked - started
        except (TimeoutError, OSError, ConnectionError, asyncio.IncompleteReadError):
            pass
        await asyncio.sleep(0.05)
    return float("inf")


async def main(args) -> dict:
    newcomer = b"GET /simulateur/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: fr\r\n\r\n"
    stats = {
        "busy": [],
        "other_5xx": [],
        "admitted": [],
        "errors": 0,
        "journey_busy": 0,
        "journey_admitted": 0,
    }
    stop_at = time.monotonic() + args.seconds
    visitors = [Visitor(args.port, newcomer, stats, False, stop_at) for _ in range(args.connections)]
    for session in args.sessions:
        cookie, token = session.split("|")
        body = f"couple=non&children=1&csrfmiddlewaretoken={token}".encode()
        request = (
            f"POST /simulateur/foyer/ HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        visitors.append(Visitor(args.port, request, stats, True, stop_at))
    # Arrivals spread over the first RAMP seconds, then every visitor stays until the end.
    count = len(visitors)
    await asyncio.gather(*(visitor.run(RAMP_SECONDS * i / count) for i, visitor in enumerate(visitors)))
    stats["healthz_recovery_seconds"] = await healthz_recovery(args.port)
    return stats


def percentile(values, share) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("sessions", nargs="*", help="cookie|csrf of visitors already in a journey")
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    result = asyncio.run(main(arguments))
    print(
        json.dumps(
            {
                "seconds": arguments.seconds,
                "connections": arguments.connections,
                "admitted": len(result["admitted"]),
                "busy": len(result["busy"]),
                "other_5xx": len(result["other_5xx"]),
                "errors": result["errors"],
                "p50_admitted": percentile(result["admitted"], 0.50),
                "p99_admitted": percentile(result["admitted"], 0.99),
                "p50_busy": percentile(result["busy"], 0.50),
                "p99_busy": percentile(result["busy"], 0.99),
                "journey_admitted": result["journey_admitted"],
                "journey_busy": result["journey_busy"],
                "healthz_recovery_seconds": result["healthz_recovery_seconds"],
            }
        )
    )
