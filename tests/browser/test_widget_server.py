"""The widget server (bot/web/server.py) and the channel's input checks, without a browser."""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request

import pytest

from bot.texts import t
from bot.web.server import WidgetServer, interface_texts
from bot.web.socketio_channel import clean_metadata, clean_text


@pytest.fixture(scope="module")
def widget():
    with WidgetServer("127.0.0.1", 0, rasa_port=5005) as server:
        yield server


def get(url: str, host: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode()


@pytest.mark.parametrize("path", ["/orienta-widget.js", "/orienta-widget.css", "/orienta-widget-texts.js",
                                  "/vendor/socket.io.min.js", "/"])
def test_everything_the_widget_needs_is_served_by_the_project(widget, path):
    status, headers, _ = get(widget.url + path)
    assert status == 200 and headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/../README.md", "/static/orienta-widget.js", "/node_modules/ws/package.json",
                                  "/%2e%2e/credentials.yml"])
def test_no_other_file_is_reachable(widget, path):
    assert get(widget.url + path)[0] == 404


def test_head_gives_the_headers_without_the_body_and_other_methods_are_refused(widget):
    connection = http.client.HTTPConnection("127.0.0.1", widget.port, timeout=10)
    connection.request("HEAD", "/orienta-widget.js")
    reply = connection.getresponse()
    assert reply.status == 200 and int(reply.headers["Content-Length"]) > 0 and reply.read() == b""
    connection = http.client.HTTPConnection("127.0.0.1", widget.port, timeout=10)
    connection.request("POST", "/", body=b"x")
    assert connection.getresponse().status == 405


def test_the_demo_page_embeds_the_widget_with_one_tag_pointing_at_rasa(widget):
    _, _, page = get(widget.demo_url)
    assert f'<script src="{widget.widget_url}" data-server="http://127.0.0.1:5005" data-lang="it"' in page


def test_the_demo_page_follows_the_host_the_browser_used(widget):
    _, _, page = get(widget.demo_url, host=f"orienta.example:{widget.port}")
    assert 'data-server="http://orienta.example:5005"' in page


def test_a_forged_host_header_never_reaches_the_page(widget):
    _, _, page = get(widget.demo_url, host='"><script>alert(1)</script>')
    assert "<script>alert(1)" not in page and 'data-server="http://127.0.0.1:5005"' in page


def test_the_english_demo_page_is_in_english(widget):
    _, _, page = get(widget.demo_url + "?lang=en")
    assert '<html lang="en">' in page and t("en", "widget.demo.heading") in page


def test_the_demo_page_allows_scripts_only_from_itself(widget):
    _, headers, _ = get(widget.demo_url)
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_the_interface_texts_exist_in_both_languages_without_the_demo_page_ones():
    texts = interface_texts()
    assert texts["it"].keys() == texts["en"].keys()
    assert "send" in texts["it"] and not any(key.startswith("demo.") for key in texts["it"])


@pytest.mark.parametrize("metadata, kept", [
    ({"language": "en"}, {"language": "en"}),
    ({"language": "fr"}, {}),
    ({"language": "it", "slots": {"employees": 1}}, {"language": "it"}),
    ('{"language": "it"}', {}),
    (None, {}),
])
def test_only_the_page_language_passes_as_metadata(metadata, kept):
    assert clean_metadata(metadata) == kept


@pytest.mark.parametrize("value", [None, "", "   ", 7, {"text": "hi"}])
def test_a_message_without_text_is_dropped(value):
    assert clean_text(value) is None


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_privacy_notice_is_a_page_beside_the_widget_in_both_languages(widget, lang):
    from bot import privacy

    status, headers, page = get(widget.url + f"/privacy?lang={lang}")
    assert status == 200 and f'<html lang="{lang}">' in page and "default-src 'none'" in headers["Content-Security-Policy"]
    assert t(lang, "privacy.title") in page and privacy.VERSION in page
    assert "365" in page  # the retention age the operator configured (default)
