"""Signed summary links: only the conversation a token names, only with the secret, only in time."""
from __future__ import annotations

import stat

from bot import summary_links
from bot.summary_links import LIFETIME_SECONDS, link_for, secret, sign, verify

KEY = b"unit-test-key"


def test_a_token_names_its_conversation():
    assert verify(sign("conv-1", now=1000, key=KEY), now=1001, key=KEY) == "conv-1"


def test_a_token_signed_with_another_key_is_refused():
    assert verify(sign("conv-1", now=1000, key=b"other"), now=1001, key=KEY) is None


def test_changing_the_conversation_in_a_token_breaks_its_signature():
    token = sign("conv-1", now=1000, key=KEY)
    other_body = sign("conv-2", now=1000, key=KEY).split(".")[0]
    assert verify(f"{other_body}.{token.split('.')[1]}", now=1001, key=KEY) is None


def test_an_expired_token_is_refused():
    token = sign("conv-1", now=1000, key=KEY)
    assert verify(token, now=1000 + LIFETIME_SECONDS - 1, key=KEY) == "conv-1"
    assert verify(token, now=1000 + LIFETIME_SECONDS + 1, key=KEY) is None


def test_garbage_is_refused_without_an_error():
    for junk in ("", ".", "a.b.c", "%%%.%%%", "x" * 2000, None):
        assert verify(junk, key=KEY) is None


def test_the_link_is_the_console_address_and_the_token(monkeypatch):
    monkeypatch.setenv("ORIENTA_SECRET", "s3cret")
    link = link_for("conv-9", "http://127.0.0.1:5090/")
    assert link.startswith("http://127.0.0.1:5090/summary/")
    assert verify(link.rsplit("/", 1)[1]) == "conv-9"


def test_without_orienta_secret_a_private_secret_file_is_made_once(tmp_path, monkeypatch):
    monkeypatch.delenv("ORIENTA_SECRET", raising=False)
    path = tmp_path / "var" / "orienta-secret"
    first = secret(path)
    assert len(first) >= 32 and secret(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_orienta_secret_wins_over_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ORIENTA_SECRET", "from-the-environment")
    assert summary_links.secret(tmp_path / "never-made") == b"from-the-environment"
    assert not (tmp_path / "never-made").exists()


def test_without_a_base_url_the_link_starts_with_orienta_console_url(monkeypatch):
    monkeypatch.setenv("ORIENTA_SECRET", "s3cret")
    monkeypatch.setenv("ORIENTA_CONSOLE_URL", "https://orienta.example.org/console/")
    assert link_for("conv-9").startswith("https://orienta.example.org/console/summary/")
