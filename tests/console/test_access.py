"""Accounts, sessions, CSRF and per-desk access, over HTTP against the running console."""
from __future__ import annotations

import requests

from tests.console.conftest import csrf_of

PAGES = ["/", "/enquiries.csv", "/password", "/indicators", "/indicators.csv", "/assess", "/catalogue"]
POSTS = ["/logout", "/password", "/assess", "/assess/save", "/assess/batch", "/catalogue/check", "/catalogue/publish"]


def test_every_page_but_login_sends_a_visitor_without_a_session_to_login(console):
    pages = PAGES + [f"/enquiry/{ref}{tail}" for ref in console.references.values() for tail in ("", "/summary")]
    for path in pages:
        reply = requests.get(console.url + path, allow_redirects=False)
        assert reply.status_code == 303, path
        assert reply.headers["Location"] == "/login", path
    assert requests.get(console.url + "/login").status_code == 200
    assert requests.get(console.url + "/health").text == "ok\n"


def test_a_post_without_a_session_changes_nothing_and_goes_to_login(console):
    ref = console.references["bergamo_new"]
    posts = POSTS + [f"/enquiry/{ref}/{action}" for action in ("status", "note", "assign", "desk")]
    for path in posts:
        reply = requests.post(console.url + path, data={"text": "x", "csrf": "x"}, allow_redirects=False)
        assert reply.status_code == 303 and reply.headers["Location"] == "/login", path


def test_the_session_cookie_is_httponly_and_samesite(console):
    client = requests.Session()
    page = client.get(f"{console.url}/login")
    reply = client.post(f"{console.url}/login", data={"email": "anna@example.it", "password": "correct horse battery",
                                                      "csrf": csrf_of(page.text)}, allow_redirects=False)
    cookie = reply.headers["Set-Cookie"]
    assert "orienta_console=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on loopback, ORIENTA_CONSOLE_HTTPS unset


def test_a_login_without_its_csrf_token_is_refused(console):
    client = requests.Session()
    client.get(f"{console.url}/login")
    reply = client.post(f"{console.url}/login", data={"email": "anna@example.it", "password": "correct horse battery"},
                        allow_redirects=False)
    assert reply.status_code == 403


def test_a_form_without_the_session_csrf_token_is_refused_and_changes_nothing(console):
    client = console.login("anna@example.it")
    ref = console.references["bergamo_new"]
    reply = client.post(f"{console.url}/enquiry/{ref}/note", data={"text": "nota senza token"}, allow_redirects=False)
    assert reply.status_code == 403
    wrong = client.post(f"{console.url}/enquiry/{ref}/note", data={"text": "nota con token sbagliato", "csrf": "nope"})
    assert wrong.status_code == 403
    assert "nota senza token" not in client.get(f"{console.url}/enquiry/{ref}").text


def test_an_advisor_sees_only_the_enquiries_of_their_desk(console):
    page = console.login("anna@example.it").get(console.url + "/").text
    assert console.references["bergamo_new"] in page and console.references["bergamo_old"] in page
    assert console.references["brescia"] not in page


def test_another_desks_enquiry_by_url_is_forbidden(console):
    client = console.login("anna@example.it")
    ref = console.references["brescia"]
    reply = client.get(f"{console.url}/enquiry/{ref}")
    assert reply.status_code == 403
    assert "Fonderie Camune" not in reply.text
    page = client.get(f"{console.url}/enquiry/{ref}/summary")
    assert page.status_code == 403
    action = client.post(f"{console.url}/enquiry/{ref}/note",
                         data={"text": "x", "csrf": csrf_of(client.get(console.url + "/").text)})
    assert action.status_code == 403


def test_an_admin_sees_every_desk_and_can_move_an_enquiry(console):
    client = console.login("admin@example.it")
    page = client.get(console.url + "/").text
    assert all(ref in page for ref in console.references.values())
    ref = console.references["brescia"]
    token = csrf_of(client.get(f"{console.url}/enquiry/{ref}").text)
    assert client.post(f"{console.url}/enquiry/{ref}/desk", data={"desk": "bergamo", "csrf": token}).ok
    anna = console.login("anna@example.it")
    assert anna.get(f"{console.url}/enquiry/{ref}").status_code == 200
    assert client.post(f"{console.url}/enquiry/{ref}/desk", data={"desk": "brescia", "csrf": token}).ok
    assert anna.get(f"{console.url}/enquiry/{ref}").status_code == 403


def test_an_advisor_cannot_move_an_enquiry_to_another_desk(console):
    client = console.login("anna@example.it")
    ref = console.references["bergamo_new"]
    token = csrf_of(client.get(f"{console.url}/enquiry/{ref}").text)
    assert client.post(f"{console.url}/enquiry/{ref}/desk", data={"desk": "brescia", "csrf": token}).status_code == 403


def test_logout_ends_the_session(console):
    client = console.login("anna@example.it")
    token = csrf_of(client.get(console.url + "/").text)
    cookie = client.cookies.get("orienta_console")
    client.post(f"{console.url}/logout", data={"csrf": token})
    replay = requests.get(console.url + "/", cookies={"orienta_console": cookie}, allow_redirects=False)
    assert replay.status_code == 303 and replay.headers["Location"] == "/login"


def test_behind_https_the_session_cookie_is_secure(console, tmp_path):
    from tests.console.conftest import served

    with served(console.database_url, tmp_path, console.calls_dir, ORIENTA_CONSOLE_HTTPS="1") as url:
        client = requests.Session()
        page = client.get(f"{url}/login")
        assert "Secure" in page.headers["Set-Cookie"]  # the login form's own token cookie
        # A client keeps Secure cookies for https: over this plain loopback test it is handed back by hand.
        reply = client.post(f"{url}/login", data={"email": "anna@example.it", "password": "correct horse battery",
                                                  "csrf": csrf_of(page.text)}, allow_redirects=False,
                            cookies={"orienta_console_login": page.cookies["orienta_console_login"]})
        assert reply.status_code == 303
        assert "Secure" in reply.headers["Set-Cookie"] and "HttpOnly" in reply.headers["Set-Cookie"]
