"""Long-running child processes that always end with us: own process group, logs to a file,
readiness by polling a health URL (never a blind sleep), stop by signal with escalation."""
from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Mapping, Sequence

_PR_SET_PDEATHSIG = 1
# The servers' files (conversations, enquiries, logs, the secret) are the firm's data: owner only.
PRIVATE_UMASK = 0o077


def _private(path: Path) -> Path:
    """`path`, created empty with owner-only permissions if it does not exist yet."""
    if not path.exists():
        path.touch(mode=0o600)
    return path


class ServiceError(RuntimeError):
    """A service did not start (or died); the message ends with the tail of its log."""


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """`count` different free ports: the OS may hand the same one out twice in a row."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port(host)
        if port not in ports:
            ports.append(port)
    return ports


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def _die_with_parent() -> None:
    # Linux only: if the parent is killed outright (no chance to clean up), the child gets SIGTERM.
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


class Service:
    """One server process: `start()`, `wait_healthy()`, `stop()`; usable as a context manager."""

    def __init__(self, name: str, command: Sequence[str], *, cwd: Path, env: Mapping[str, str],
                 log_path: Path, health_url: str):
        self.name, self.command, self.cwd, self.env = name, list(command), cwd, dict(env)
        self.log_path, self.health_url = log_path, health_url
        self.process: subprocess.Popen | None = None

    def start(self) -> "Service":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with _private(self.log_path).open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: Ctrl-C reaches us, we stop it
                preexec_fn=_die_with_parent,
                umask=PRIVATE_UMASK,
            )
        return self

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_healthy(self, timeout: float, interval: float = 0.5) -> None:
        """Poll the health URL until it answers 2xx; fail fast if the process exits."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                raise ServiceError(f"{self.name} exited during start-up. Log {self.log_path}:\n{tail(self.log_path)}")
            if http_ok(self.health_url):
                return
            time.sleep(interval)  # polling interval, not a wait for readiness
        raise ServiceError(f"{self.name} not healthy at {self.health_url} after {timeout:.0f}s. "
                           f"Log {self.log_path}:\n{tail(self.log_path)}")

    def stop(self, grace: float = 15.0) -> None:
        """SIGINT to the whole group (servers shut down cleanly), then SIGTERM, then SIGKILL."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGINT, grace), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            if self.process.poll() is not None:
                break
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
        # Anything the server left in its group (it has exited, the group may not have).
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process = None

    def __enter__(self) -> "Service":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
