"""The running assistant: the action server, then the Rasa server (REST channel) that calls it."""
from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bot.runtime.action_server import HOST as ACTIONS_HOST, TOKEN_VARIABLE
from bot.runtime.credentials import RUNTIME_NAME, write_runtime_credentials
from bot.runtime.environment import rasa_env
from bot.runtime.processes import Service, tail

ORIENTA_ROOT = Path(__file__).resolve().parents[2]
ACTIONS_START_TIMEOUT = 60.0
RASA_START_TIMEOUT = 180.0  # loading a model (TensorFlow) takes 15-40 s on 2 cores


def action_server(root: Path, env: Mapping[str, str], port: int, log_path: Path,
                  name: str = "action server") -> Service:
    """Orienta's action server (bot/runtime/action_server.py: loopback, token) on `port`."""
    return Service(name, [sys.executable, "-m", "bot.runtime.action_server", "--actions", "actions",
                          "--port", str(port)],
                   cwd=root, env=env, log_path=log_path, health_url=f"http://{ACTIONS_HOST}:{port}/health")


def rasa_server(root: Path, env: Mapping[str, str], model: Path, endpoints: Path | str, credentials: Path,
                host: str, port: int, log_path: Path, name: str = "Rasa server") -> Service:
    """A Rasa server on host:port; healthy once its REST channel answers (model loaded, channel up)."""
    return Service(name, [sys.executable, "-m", "bot.runtime.rasa_main", "run", "--model", str(model), "--endpoints", str(endpoints),
                          "--credentials", str(credentials), "--interface", host, "--port", str(port)],
                   cwd=root, env=env, log_path=log_path, health_url=f"http://{host}:{port}/webhooks/rest/")


@dataclass
class Stack:
    """Both servers on `host`, logs in `log_dir`; `env` adds or (None) removes variables for both,
    e.g. {"ORIENTA_TODAY": "2025-07-01"} to pin the date the actions see."""

    root: Path
    model: Path
    host: str
    rasa_port: int
    actions_port: int
    log_dir: Path
    tracker_db: Path
    env: Mapping[str, str | None] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list, init=False)
    # The secret the Rasa server shows the action server: the operator's, or a new one per run.
    actions_token: str = field(default_factory=lambda: (os.environ.get(TOKEN_VARIABLE) or "").strip()
                               or secrets.token_urlsafe(32), repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def rest_url(self) -> str:
        return f"{self.base_url}/webhooks/rest/webhook"

    def server_env(self) -> dict[str, str]:
        """The environment both servers run in (the cluster's servers too, its ports being nginx's)."""
        return rasa_env({
            **self.env,
            "ORIENTA_ACTIONS_PORT": str(self.actions_port),  # read by endpoints.yml
            "ORIENTA_TRACKER_DB": str(self.tracker_db),      # read by endpoints.yml
            # The action server is Orienta's launcher even for another project (the stock bot).
            "PYTHONPATH": os.pathsep.join(p for p in (str(ORIENTA_ROOT), os.environ.get("PYTHONPATH")) if p),
            TOKEN_VARIABLE: self.actions_token,              # read by endpoints.yml and the action server
            # Sanic's own cap on a request body (Rasa's port): a Telegram Update is at most 256 KiB.
            "SANIC_REQUEST_MAX_SIZE": "300000",
        })

    def start(self) -> "Stack":
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.tracker_db.parent.mkdir(parents=True, exist_ok=True)
        env = self.server_env()
        # credentials.yml plus the Telegram channel when its variables are set, beside the tracker.
        credentials = write_runtime_credentials(self.root, self.tracker_db.parent / RUNTIME_NAME, env)
        actions = action_server(self.root, env, self.actions_port, self.log_dir / "actions.log")
        rasa = rasa_server(self.root, env, self.model, "endpoints.yml", credentials, self.host, self.rasa_port,
                           self.log_dir / "rasa.log")
        try:
            self.services.append(actions.start())
            self.services.append(rasa.start())  # loads in parallel with the action server
            actions.wait_healthy(ACTIONS_START_TIMEOUT)
            rasa.wait_healthy(RASA_START_TIMEOUT)
        except BaseException:
            self.stop()
            raise
        return self

    def all_running(self) -> bool:
        return bool(self.services) and all(service.running for service in self.services)

    def stop(self) -> None:
        while self.services:
            self.services.pop().stop()

    def log_tails(self, lines: int = 40) -> str:
        return "\n".join(f"--- {path.name} ---\n{tail(path, lines)}"
                         for path in sorted(self.log_dir.glob("*.log")))

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
