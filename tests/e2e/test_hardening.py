"""The running assistant closed to abuse and surviving a fault (issue 10), on its own stack
(one test stops its action server): real Rasa and action servers, a real tracker file."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import stat
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from bot.channels import guard
from bot.runtime.action_server import HOST as ACTIONS_HOST, TOKEN_HEADER
from bot.texts import t
from tests.e2e.conftest import PINNED_DAY, _running


@pytest.fixture(scope="module")
def own(trained_model: Path, artifacts_dir: Path):
    yield from _running(trained_model, artifacts_dir / "e2e-hardening", {"ORIENTA_TODAY": PINNED_DAY})


def _post(url: str, body: bytes, headers: dict | None = None) -> tuple[int, object]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read().decode() or "null")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def _senders(own) -> dict[str, int]:
    with sqlite3.connect(own.stack.tracker_db) as connection:
        return dict(connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id").fetchall())


def test_a_rest_conversation_is_the_rest_channel_s_own(own):
    chat = own.chat("ns")
    chat.say("siamo 12 dipendenti a Bergamo")
    assert f"rest:{chat.sender}" in _senders(own) and chat.sender not in _senders(own)
    status, _ = _post(own.stack.rest_url, json.dumps({"sender": f"telegram:{chat.sender}", "message": "riepilogo"}).encode())
    assert status == 400


def test_the_body_cannot_pass_for_another_channel(own):
    sender = f"spoof-{uuid.uuid4().hex[:6]}"
    body = {"sender": sender, "message": "avvisatemi quando apre un bando", "input_channel": "telegram"}
    status, messages = _post(own.stack.rest_url, json.dumps(body).encode())
    text = "\n".join(m["text"] for m in messages)
    assert status == 200 and t("it", "alerts.consent.telegram") not in text


def test_the_action_server_is_on_loopback_and_answers_only_with_the_token(own):
    url = f"http://{ACTIONS_HOST}:{own.stack.actions_port}/webhook"
    assert _post(url, b'{"next_action": "action_turn"}')[0] == 403
    assert _post(url, b'{"next_action": "action_turn"}', {TOKEN_HEADER: "not-the-token"})[0] == 403


def test_the_rasa_port_refuses_a_huge_request(own):
    body = json.dumps({"sender": "big", "message": "x" * 1_000_000}).encode()
    assert _post(own.stack.rest_url, body)[0] == 413


def test_a_long_message_is_refused_politely_and_the_facts_stay(own):
    chat = own.chat("long")
    chat.say("siamo 12 dipendenti a Bergamo")
    assert chat.say("a" * (guard.MAX_MESSAGE_CHARS + 1)) == guard.too_long_notice(None)
    assert "12" in chat.say("riepilogo")


def test_delete_my_data_erases_the_conversation_itself(own):
    chat = own.chat("erase")
    chat.say("siamo 12 dipendenti a Bergamo")
    chat.say("cancellate i miei dati")
    assert chat.say("no") == t("it", "chat.forget.no_email")
    assert f"rest:{chat.sender}" not in _senders(own)
    assert "12" not in chat.say("riepilogo")


def test_the_tracker_file_is_readable_by_its_owner_only(own):
    own.chat("perm").say("ciao")
    assert stat.S_IMODE(own.stack.tracker_db.stat().st_mode) & 0o077 == 0


def test_with_the_action_server_down_the_user_is_told_and_the_conversation_resumes(own):
    chat = own.chat("fault")
    chat.say("siamo 12 dipendenti a Bergamo")
    actions = own.stack.services[0]
    actions.stop()
    try:
        assert chat.say("il fatturato è 2 milioni") == guard.notice("channel.unavailable")
    finally:
        actions.start().wait_healthy(60)
    summary = chat.say("riepilogo")
    assert "12" in summary and "Bergamo" in summary


def _widget_session(port: int, asked: str | None, speak_as: str | None = None) -> tuple[str, list[str]]:
    import socketio

    async def play():
        client, confirmed, ended, said = socketio.AsyncClient(), asyncio.Queue(), asyncio.Queue(), []
        client.on("session_confirm", lambda session: confirmed.put_nowait(session))
        client.on("bot_uttered", lambda message: said.append(message.get("text")))
        client.on("bot_turn_end", lambda _: ended.put_nowait(True))
        await client.connect(f"http://127.0.0.1:{port}", socketio_path="/socket.io", transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": asked})
            session = await asyncio.wait_for(confirmed.get(), 30)
            await client.emit("user_uttered", {"message": "siamo 12 dipendenti a Bergamo",
                                               "session_id": speak_as or session})
            if speak_as is None:
                await asyncio.wait_for(ended.get(), 60)
            else:  # an ignored message gets no turn at all: a reply within seconds would be one
                with pytest.raises(asyncio.TimeoutError):
                    await asyncio.wait_for(ended.get(), 5)
            return session, said
        finally:
            await client.disconnect()

    return asyncio.run(play())


def test_the_widget_gets_a_signed_session_and_keeps_it_across_reloads(own):
    made_up = uuid.uuid4().hex
    session, said = _widget_session(own.stack.rasa_port, made_up)
    assert session != made_up and said
    again, _ = _widget_session(own.stack.rasa_port, session)
    assert again == session and f"socketio:{session}" in _senders(own)


def test_a_socket_cannot_speak_in_another_session(own):
    victim, _ = _widget_session(own.stack.rasa_port, None)
    before = _senders(own)[f"socketio:{victim}"]
    _widget_session(own.stack.rasa_port, None, speak_as=victim)
    assert _senders(own)[f"socketio:{victim}"] == before


def test_cancelling_the_contact_form_leaves_no_typed_contact_in_the_conversation(own):
    chat = own.chat("withdraw")
    chat.say("siamo 12 dipendenti a Bergamo")
    chat.say("voglio parlare con un consulente")
    chat.say("sì")
    chat.say("Maria Rossi")
    assert chat.say("annulla").startswith(t("it", "chat.handoff.cancelled"))
    with sqlite3.connect(own.stack.tracker_db) as connection:
        stored = "\n".join(row[0] for row in connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (f"rest:{chat.sender}",)))
    assert "Maria Rossi" not in stored and "12 dipendenti" in stored
    assert "12" in chat.say("riepilogo")  # the facts stay


def test_no_message_or_contact_reaches_the_servers_logs(own):
    chat = own.chat("logs")
    secret_words = ("Quintiliano Zappacosta", "q.zappacosta@example.org", "Zappacosta Valvole srl", "Caravaggio")
    chat.say(f"siamo a {secret_words[3]}, 14 dipendenti")
    chat.say("voglio parlare con un consulente")
    chat.say("sì")
    chat.say(secret_words[0])
    chat.say(secret_words[1])
    chat.say(secret_words[2])
    assert any(e.contact_email == secret_words[1] for e in own.enquiries())  # the contact went where it belongs
    logs = {path.name: path.read_text(errors="replace") for path in own.stack.log_dir.glob("*.log")}
    assert {"rasa.log", "actions.log"} <= set(logs)
    for name, text in logs.items():
        for word in (*secret_words, chat.sender):
            assert word not in text, f"{word!r} in {name}"
