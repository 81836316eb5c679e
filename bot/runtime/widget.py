"""`make run` serves the website widget beside Rasa: its files and a demo host page."""
from __future__ import annotations

from bot import config
from bot.runtime.stack import Stack
from bot.web.server import WidgetServer, WidgetServerError

__all__ = ["serve_widget", "WidgetServerError"]


def serve_widget(stack: Stack) -> WidgetServer:
    """The widget server on ORIENTA_WEB_PORT, its demo page pointed at `stack`'s Rasa server
    (start it with `with`)."""
    return WidgetServer(stack.host, config.settings().web_port, stack.rasa_port)
