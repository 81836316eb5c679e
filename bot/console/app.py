"""The console application: `create_app()` for tests and `serve()` for `python -m bot console serve`
and bot/runtime (127.0.0.1, port ORIENTA_CONSOLE_PORT, default 5090)."""
from __future__ import annotations

from sanic import Sanic

from bot import config as orienta_config
from bot.console import routes_auth, routes_catalogue, routes_enquiries, routes_reports, routes_summary, routes_tools
from bot.console.web import ConsoleConfig, new_app


def create_app(config: ConsoleConfig | None = None) -> Sanic:
    app = new_app(config or ConsoleConfig())
    for module in (routes_auth, routes_catalogue, routes_enquiries, routes_reports, routes_summary, routes_tools):
        app.blueprint(module.bp)
    return app


def serve(host: str | None = None, port: int | None = None, config: ConsoleConfig | None = None) -> None:
    settings = orienta_config.settings()
    app = create_app(config)
    # One worker, no auto-reload: the SQLite store and the catalogue reload assume one process.
    app.run(host=host or settings.host, port=port or settings.console_port, workers=1, access_log=False,
            motd=False)
