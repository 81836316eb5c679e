"""Orienta on several servers, on this machine: what `make cluster` starts and tests/cluster checks.

Two Rasa servers and two action servers behind Debian's nginx, conversations and enquiries in
PostgreSQL, Rasa's lock store in Redis, so any Rasa server can answer any turn of any
conversation and one can stop without the conversation noticing:

- nginx on one port: REST round-robin (a server that refuses the connection is skipped), the
  widget's socket.io sticky by client address (its polling requests must reach the server
  that holds the socket), request bodies capped as on the Rasa port; on a second, loopback-only
  port it spreads the Rasa servers' action calls over the action servers;
- each Rasa server reads a generated endpoints file: ErasingSQLTrackerStore on PostgreSQL,
  the Redis lock store (one turn of a conversation at a time across servers), the actions
  through nginx with the shared token.

For several machines the same shape is in deploy/kubernetes/ (README, "Several servers").
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from sqlalchemy.engine import make_url

from bot.runtime.action_server import HOST, TOKEN_VARIABLE
from bot.runtime.credentials import write_runtime_credentials
from bot.runtime.processes import Service, ServiceError, free_port, free_ports, tail
from bot.runtime.stack import ACTIONS_START_TIMEOUT, RASA_START_TIMEOUT, Stack, action_server, rasa_server

NGINX = "/usr/sbin/nginx"
MAX_BODY = "300k"  # as SANIC_REQUEST_MAX_SIZE on each Rasa server (bot/runtime/stack.py)


def endpoints_yaml(database_url: str, redis_url: str, actions_proxy_port: int) -> str:
    """The Rasa servers' endpoints: tracker on PostgreSQL, locks in Redis, actions via nginx."""
    db, redis = make_url(database_url), make_url(redis_url)
    if not db.drivername.startswith("postgresql"):
        raise ServiceError(f"the cluster keeps conversations in PostgreSQL, not {db.drivername}")
    lines = [
        "# Written by bot/runtime/cluster.py for each start: do not edit.",
        "action_endpoint:",
        f"  url: http://{HOST}:{actions_proxy_port}/webhook",
        "  headers:",
        f"    X-Orienta-Token: ${{{TOKEN_VARIABLE}}}",
        "tracker_store:",
        "  type: bot.store.rasa_tracker.ErasingSQLTrackerStore",
        "  dialect: postgresql",
        f"  url: {db.host or '127.0.0.1'}",
        f"  port: {db.port or 5432}",
        f"  db: {db.database}",
    ]
    if db.username:
        lines.append(f"  username: {db.username}")
    if db.password:
        lines.append("  password: ${ORIENTA_TRACKER_PASSWORD}")  # from the environment, never on disk
    lines += [
        "lock_store:",
        "  type: redis",
        f"  url: {redis.host or '127.0.0.1'}",
        f"  port: {redis.port or 6379}",
        f"  db: {int(redis.database or 0)}",
        "  key_prefix: orienta",
    ]
    return "\n".join(lines) + "\n"


def nginx_conf(work: Path, listen: str, port: int, rasa_ports: list[int], actions_port: int,
               action_ports: list[int]) -> str:
    rasa = "\n".join(f"    server {HOST}:{p} max_fails=1 fail_timeout=5s;" for p in rasa_ports)
    actions = "\n".join(f"    server {HOST}:{p} max_fails=1 fail_timeout=5s;" for p in action_ports)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the temp folders below
    return f"""# Written by bot/runtime/cluster.py for each start: do not edit.
{user}worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;  # no user's conversation ids or addresses in logs
  client_body_temp_path {work}/client_body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  client_max_body_size {MAX_BODY};
  proxy_read_timeout 120s;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  upstream rasa {{
{rasa}
  }}
  upstream rasa_sticky {{
    ip_hash;
{rasa}
  }}
  upstream actions {{
{actions}
  }}
  server {{
    listen {listen}:{port};
    location = /nginx-health {{ return 200 "ok\\n"; }}
    location /socket.io/ {{
      proxy_pass http://rasa_sticky;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Real-IP $remote_addr;
    }}
    location / {{
      proxy_pass http://rasa;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_set_header X-Real-IP $remote_addr;
    }}
  }}
  server {{
    listen {HOST}:{actions_port};
    client_max_body_size 16m;
    location / {{
      proxy_pass http://actions;
      proxy_next_upstream error timeout http_502 http_503;
    }}
  }}
}}
"""


@dataclass
class Cluster:
    """`rasa_count` Rasa and `actions_count` action servers behind nginx on `listen:port`."""

    root: Path
    model: Path
    work: Path
    database_url: str
    redis_url: str
    listen: str = HOST
    port: int = 0
    rasa_count: int = 2
    actions_count: int = 2
    env: Mapping[str, str | None] = field(default_factory=dict)
    rasa: list[Service] = field(default_factory=list, init=False)
    actions: list[Service] = field(default_factory=list, init=False)
    proxy: Service | None = field(default=None, init=False)

    @property
    def base_url(self) -> str:
        return f"http://{'127.0.0.1' if self.listen in ('0.0.0.0', '') else self.listen}:{self.port}"

    @property
    def log_dir(self) -> Path:
        return self.work

    @property
    def rest_url(self) -> str:
        return f"{self.base_url}/webhooks/rest/webhook"

    def start(self) -> "Cluster":
        if not Path(NGINX).exists():
            raise ServiceError("nginx is missing: `make nginx` installs Debian's")
        from bot.store import upgrade

        upgrade(self.database_url)  # the enquiry store beside Rasa's events table
        self.work.mkdir(parents=True, exist_ok=True)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.work / name).mkdir(exist_ok=True)
        self.port = self.port or free_port(self.listen)
        actions_proxy, *ports = free_ports(1 + self.rasa_count + self.actions_count, HOST)
        rasa_ports, action_ports = ports[:self.rasa_count], ports[self.rasa_count:]
        # The environment of a single stack (quiet, token, request cap), its ports being nginx's.
        template = Stack(root=self.root, model=self.model, host=HOST, rasa_port=self.port, actions_port=actions_proxy,
                         log_dir=self.work, tracker_db=self.work / "unused.db", env=self.env)
        password = make_url(self.database_url).password
        env = {**template.server_env(), "ORIENTA_DATABASE_URL": self.database_url,
               **({"ORIENTA_TRACKER_PASSWORD": password} if password else {})}
        endpoints = self.work / "endpoints.cluster.yml"
        endpoints.write_text(endpoints_yaml(self.database_url, self.redis_url, actions_proxy), encoding="utf-8")
        credentials = write_runtime_credentials(self.root, self.work / "credentials.runtime.yml", env)
        conf = self.work / "nginx.conf"
        conf.write_text(nginx_conf(self.work, self.listen, self.port, rasa_ports, actions_proxy, action_ports),
                        encoding="utf-8")
        try:
            for index, port in enumerate(action_ports, 1):
                self.actions.append(action_server(self.root, env, port, self.work / f"actions-{index}.log",
                                                  f"action server {index}").start())
            for index, port in enumerate(rasa_ports, 1):
                self.rasa.append(rasa_server(self.root, env, self.model, endpoints, credentials, HOST, port,
                                             self.work / f"rasa-{index}.log", f"Rasa server {index}").start())
            self.proxy = Service("nginx", [NGINX, "-c", str(conf), "-p", str(self.work), "-g", "daemon off;"],
                                 cwd=self.work, env=env, log_path=self.work / "nginx.log",
                                 health_url=f"{self.base_url}/nginx-health").start()
            for service in self.actions:
                service.wait_healthy(ACTIONS_START_TIMEOUT)
            for service in self.rasa:
                service.wait_healthy(RASA_START_TIMEOUT)
            self.proxy.wait_healthy(30)
        except BaseException:
            self.stop()
            raise
        return self

    def services(self) -> list[Service]:
        return [*self.actions, *self.rasa, *([self.proxy] if self.proxy else [])]

    def all_running(self) -> bool:
        return all(service.running for service in self.services())

    def stop(self) -> None:
        for service in reversed(self.services()):
            service.stop()
        self.rasa, self.actions, self.proxy = [], [], None

    def log_tails(self, lines: int = 30) -> str:
        return "\n".join(f"--- {path.name} ---\n{tail(path, lines)}" for path in sorted(self.work.glob("*.log")))

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the PostgreSQL database of `url` if it does not exist yet (the server must be up);
    `fresh` drops it first, with whatever an earlier run left in it."""
    import psycopg2
    from psycopg2 import sql

    parts = make_url(url)
    try:
        admin = psycopg2.connect(host=parts.host or "127.0.0.1", port=parts.port or 5432, user=parts.username,
                                 password=parts.password, dbname="postgres", connect_timeout=5)
    except psycopg2.OperationalError as err:
        raise ServiceError(f"PostgreSQL is not reachable for {parts.render_as_string(hide_password=True)}: "
                           f"{str(err).strip()}") from None
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            if fresh:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(parts.database)))
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parts.database,))
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(parts.database)))
    finally:
        admin.close()


def default_urls() -> tuple[str, str]:
    """ORIENTA_CLUSTER_DATABASE_URL and ORIENTA_REDIS_URL, or this machine's PostgreSQL and Redis."""
    database = (os.environ.get("ORIENTA_CLUSTER_DATABASE_URL") or "").strip() or \
        "postgresql://postgres@127.0.0.1:5432/orienta"
    redis = (os.environ.get("ORIENTA_REDIS_URL") or "").strip() or "redis://127.0.0.1:6379/0"
    return database, redis

