"""`python -m bot.runtime.action_server --port N`: rasa-sdk's action server, closed to all but Rasa.

rasa-sdk 3.6 answers any caller that reaches its port, and its error handler echoes the whole
request (the tracker: the firm's facts, the contact form) into the log and the reply. Here:

- it listens on loopback only (127.0.0.1), whatever interface the Rasa server uses;
- every request but /health must carry the shared token (ORIENTA_ACTIONS_TOKEN) in
  X-Orienta-Token, which endpoints.yml makes the Rasa server send; compared in constant time;
- a request body is at most MAX_BODY_BYTES and an error is logged without the request.

The actions themselves run the turn in a worker thread (actions/dialogue.py), so one slow turn
does not hold every other conversation's.
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys

TOKEN_HEADER = "X-Orienta-Token"
TOKEN_VARIABLE = "ORIENTA_ACTIONS_TOKEN"
HOST = "127.0.0.1"
MAX_BODY_BYTES = 16 * 1024 * 1024  # a long conversation's tracker; rasa-sdk's default is 100 MB

logger = logging.getLogger("bot.runtime.action_server")


def build_app(token: str, package: str = "actions"):
    from rasa_sdk.endpoint import create_app
    from sanic import response

    app = create_app(package, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    expected = token.encode()

    @app.middleware("request")
    async def only_rasa(request):
        if request.path == "/health":
            return None
        given = (request.headers.get(TOKEN_HEADER) or "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "forbidden"}, status=403)
        return None

    async def quiet_error(request, exception):
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            logger.error("action request %s failed: %s", request.path, type(exception).__name__,
                         exc_info=exception)
        return response.json({"error": type(exception).__name__}, status=status)

    app.error_handler.add(Exception, quiet_error)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.runtime.action_server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    token = (os.environ.get(TOKEN_VARIABLE) or "").strip()
    if len(token) < 16:
        print(f"{TOKEN_VARIABLE} must be set to a secret of 16 characters or more "
              "(bot/runtime/stack.py makes one for each run)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("sanic.access").setLevel(logging.WARNING)  # no URLs or bodies of users' turns
    app = build_app(token, args.actions)
    logger.info("Action server on http://%s:%s (loopback only, token required)", HOST, args.port)
    app.run(HOST, args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
