"""Accounts from the command line and the login rules: first-login change, lockout."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import requests

from bot.runtime.environment import rasa_env
from tests.console.conftest import csrf_of

ROOT = Path(__file__).resolve().parents[2]


def _cli(console, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "console", *args], cwd=ROOT, capture_output=True, text=True,
                          env=rasa_env({"ORIENTA_DATABASE_URL": console.database_url}), timeout=120)


def _login(console, email, password):
    client = requests.Session()
    token = csrf_of(client.get(f"{console.url}/login").text)
    return client, client.post(f"{console.url}/login", data={"email": email, "password": password, "csrf": token},
                               allow_redirects=False)


def test_add_user_prints_a_one_time_password_that_must_be_changed_at_first_login(console):
    made = _cli(console, "add-user", "nuova@example.it", "--desk", "como-lecco")
    assert made.returncode == 0, made.stderr
    password = re.search(r"first login\): (\S+)", made.stdout).group(1)
    client, reply = _login(console, "nuova@example.it", password)
    assert reply.headers["Location"] == "/password"
    assert client.get(f"{console.url}/", allow_redirects=False).headers["Location"] == "/password"
    token = csrf_of(client.get(f"{console.url}/password").text)
    short = client.post(f"{console.url}/password", data={"current": password, "new": "short", "repeat": "short",
                                                         "csrf": token})
    assert short.status_code == 400 and "at least 12 characters" in short.text
    client.post(f"{console.url}/password", data={"current": password, "new": "a much longer secret",
                                                 "repeat": "a much longer secret", "csrf": token})
    assert client.get(f"{console.url}/", allow_redirects=False).status_code == 200
    assert _login(console, "nuova@example.it", password)[1].status_code == 401  # the one-time one is spent


def test_add_user_refuses_an_unknown_desk_and_a_second_account_for_one_address(console):
    assert "not a known desk" in _cli(console, "add-user", "x@example.it", "--desk", "atlantide").stderr
    assert _cli(console, "add-user", "anna@example.it", "--desk", "bergamo").returncode == 2
    assert _cli(console, "add-user", "y@example.it").returncode == 2  # --desk or --admin is required


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(console):
    made = _cli(console, "add-user", "bloccata@example.it", "--admin")
    password = re.search(r"first login\): (\S+)", made.stdout).group(1)
    for _ in range(4):
        assert "E-mail o password errate" in _login(console, "bloccata@example.it", "wrong password!")[1].text
    assert "bloccato per 15 minuti" in _login(console, "bloccata@example.it", "wrong password!")[1].text
    locked = _login(console, "bloccata@example.it", password)[1]
    assert locked.status_code == 401 and "bloccato" in locked.text
