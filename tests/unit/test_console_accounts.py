"""Accounts on a real SQLite store: hashes, lockout and its end, sessions, CSRF comparison."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.console.accounts import (LOCKOUT, AccountError, check_login, close_session, create_user, csrf_ok,
                                  find_session, open_session)
from bot.store import session_factory, upgrade

T0 = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def session(tmp_path):
    url = f"sqlite:///{tmp_path / 'orienta.db'}"
    upgrade(url)
    factory = session_factory(url)
    with factory() as session:
        yield session
    factory.kw["bind"].dispose()


def test_the_password_is_stored_only_as_an_argon2id_hash(session):
    user, password = create_user(session, "Anna@Example.it", desk_id="bergamo")
    assert user.email == "anna@example.it"
    assert user.password_hash.startswith("$argon2id$") and password not in user.password_hash
    assert user.must_change_password


def test_the_right_password_logs_in(session):
    user, password = create_user(session, "anna@example.it", desk_id="bergamo")
    assert check_login(session, "anna@example.it", password, now=T0).user is user


def test_the_fifth_failure_locks_the_account_for_fifteen_minutes(session):
    user, password = create_user(session, "anna@example.it", desk_id="bergamo")
    results = [check_login(session, "anna@example.it", "wrong", now=T0) for _ in range(5)]
    assert [r.locked for r in results] == [False, False, False, False, True]
    assert check_login(session, "anna@example.it", password, now=T0 + LOCKOUT - timedelta(seconds=1)).locked
    assert check_login(session, "anna@example.it", password, now=T0 + LOCKOUT + timedelta(seconds=1)).ok


def test_an_unknown_address_is_refused_like_a_wrong_password(session):
    result = check_login(session, "nobody@example.it", "whatever", now=T0)
    assert not result.ok and not result.locked


def test_a_desk_or_admin_is_required_and_the_desk_must_exist(session):
    with pytest.raises(AccountError):
        create_user(session, "a@example.it")
    with pytest.raises(AccountError):
        create_user(session, "a@example.it", desk_id="bergamo", admin=True)
    with pytest.raises(AccountError):
        create_user(session, "a@example.it", desk_id="atlantide")


def test_a_session_opens_by_its_token_until_it_expires_or_is_closed(session):
    user, _ = create_user(session, "anna@example.it", desk_id="bergamo")
    token, row = open_session(session, user, now=T0)
    assert find_session(session, token, now=T0 + timedelta(hours=1))[1] is user
    assert find_session(session, token, now=T0 + timedelta(hours=11)) is None
    assert row.token_hash != token
    close_session(session, token)
    assert find_session(session, token, now=T0) is None


def test_the_csrf_token_must_match_exactly(session):
    user, _ = create_user(session, "anna@example.it", desk_id="bergamo")
    _, row = open_session(session, user, now=T0)
    assert csrf_ok(row, row.csrf_token)
    assert not csrf_ok(row, row.csrf_token[:-1]) and not csrf_ok(row, None) and not csrf_ok(row, "")
