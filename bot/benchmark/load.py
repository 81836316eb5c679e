"""Driving conversations over the REST webhook and timing every reply.

`concurrency` simulated users each take the next conversation until `conversations` are done,
so every concurrency level sends the same messages and the percentiles compare like with like.
Each user waits for a reply before typing the next message, as a person does. Loopback only,
bounded: a fixed number of requests, each with a timeout.
"""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Sequence

import aiohttp

from bot.benchmark.conversations import turns

REQUEST_TIMEOUT = 120.0  # a reply slower than this is an error, not a latency


@dataclass
class LoadResult:
    latencies_s: list[float] = field(default_factory=list)  # HTTP 200 replies only
    errors: list[str] = field(default_factory=list)          # what went wrong, one entry per request
    empty_replies: int = 0                                    # 200 with no message: worth a look
    wall_s: float = 0.0


async def _post(session: aiohttp.ClientSession, rest_url: str, sender: str, text: str) -> tuple[float, list]:
    """(seconds until the whole reply arrived, the reply's messages); raises on HTTP errors."""
    started = time.perf_counter()
    async with session.post(rest_url, json={"sender": sender, "message": text}) as response:
        body = await response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise aiohttp.ClientResponseError(response.request_info, (), status=response.status,
                                              message=body[:200].decode(errors="replace"))
    return elapsed, json.loads(body)


async def _user(session: aiohttp.ClientSession, rest_url: str, queue: asyncio.Queue, scripts: Sequence[Sequence[str]],
                turn_count: int, run_tag: str, result: LoadResult) -> None:
    while True:
        try:
            conversation = queue.get_nowait()
        except asyncio.QueueEmpty:
            return
        sender = f"bench-{run_tag}-{conversation}"
        for text in turns(scripts, conversation, turn_count):
            try:
                elapsed, replies = await _post(session, rest_url, sender, text)
            except aiohttp.ClientResponseError as err:
                result.errors.append(f"HTTP {err.status}")
                continue
            except (aiohttp.ClientError, asyncio.TimeoutError, json.JSONDecodeError) as err:
                result.errors.append(type(err).__name__)
                continue
            result.latencies_s.append(elapsed)
            if not replies:
                result.empty_replies += 1


async def _drive(rest_url: str, scripts: Sequence[Sequence[str]], concurrency: int, conversations: int,
                 turn_count: int) -> LoadResult:
    queue: asyncio.Queue = asyncio.Queue()
    for conversation in range(conversations):
        queue.put_nowait(conversation)
    result = LoadResult()
    run_tag = uuid.uuid4().hex[:8]  # fresh conversations: no tracker left over from another level
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(_user(session, rest_url, queue, scripts, turn_count, run_tag, result)
                               for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - started
    return result


def drive(rest_url: str, scripts: Sequence[Sequence[str]], *, concurrency: int, conversations: int,
          turn_count: int) -> LoadResult:
    """Run `conversations` conversations of `turn_count` turns, `concurrency` at a time."""
    if concurrency < 1 or conversations < 1:
        raise ValueError("at least one conversation and one user")
    return asyncio.run(_drive(rest_url, scripts, min(concurrency, conversations), conversations, turn_count))


def _shown(reply: dict) -> str:
    """A reply as the transcript shows it: its text, or what else it carries (an image, buttons)."""
    if reply.get("text"):
        return str(reply["text"])
    return json.dumps({key: value for key, value in reply.items() if key != "recipient_id"}, ensure_ascii=False)


async def _transcript(rest_url: str, scripts: Sequence[Sequence[str]], turn_count: int) -> list[str]:
    lines: list[str] = []
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for conversation in range(len(scripts)):
            sender = f"warm-up-{uuid.uuid4().hex[:8]}"
            lines.append(f"=== conversation {sender}")
            for text in turns(scripts, conversation, turn_count):
                elapsed, replies = await _post(session, rest_url, sender, text)
                lines.append(f"> {text}    [{elapsed * 1000:.0f} ms]")
                lines += ["< " + _shown(reply).replace("\n", "\n  ") for reply in replies]
    return lines


def warm_up(rest_url: str, scripts: Sequence[Sequence[str]], turn_count: int) -> list[str]:
    """Each script once, one message at a time, untimed: the first replies of a fresh server pay
    for lazy loading. Returns the transcript, so a person can see what the script made the bot say."""
    return asyncio.run(_transcript(rest_url, scripts, turn_count))
