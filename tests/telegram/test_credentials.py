"""The credentials Rasa gets: the committed file, plus Telegram only when it is configured,
with the secrets left in the environment (the file holds ${VAR} references)."""
from pathlib import Path

import pytest

from bot.channels.telegram_settings import DEFAULT_API_URL, TelegramSettings
from bot.config import ConfigError
from bot.runtime.credentials import TELEGRAM_CHANNEL, runtime_credentials, telegram_settings, write_runtime_credentials

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "4f1e2d3c4b5a69788796a5b4c3d2e1f0"
CONFIGURED = {"ORIENTA_TELEGRAM_TOKEN": TOKEN, "ORIENTA_TELEGRAM_SECRET": SECRET,
              "ORIENTA_TELEGRAM_WEBHOOK_URL": "https://orienta.example.org/webhooks/telegram/webhook"}


def test_without_telegram_variables_rasa_reads_the_committed_file():
    assert runtime_credentials(ROOT, {}) == (ROOT / "credentials.yml").read_text(encoding="utf-8")


def test_empty_variables_count_as_unset():
    assert telegram_settings({name: "" for name in CONFIGURED}) is None


def test_with_telegram_variables_the_channel_is_added_without_its_secrets():
    text = runtime_credentials(ROOT, CONFIGURED)
    assert text.startswith((ROOT / "credentials.yml").read_text(encoding="utf-8").rstrip("\n"))
    assert f"{TELEGRAM_CHANNEL}:" in text
    assert "  token: ${ORIENTA_TELEGRAM_TOKEN}" in text
    assert TOKEN not in text and SECRET not in text


def test_rasa_expands_the_references_from_its_environment(tmp_path, monkeypatch):
    from rasa.shared.utils.io import read_config_file

    for name, value in CONFIGURED.items():
        monkeypatch.setenv(name, value)
    path = write_runtime_credentials(ROOT, tmp_path / "credentials.runtime.yml", CONFIGURED)
    telegram = read_config_file(path)[TELEGRAM_CHANNEL]
    assert telegram == {"token": TOKEN, "secret_token": SECRET,
                        "webhook_url": "https://orienta.example.org/webhooks/telegram/webhook"}


def test_the_bot_api_address_is_configurable():
    env = {**CONFIGURED, "ORIENTA_TELEGRAM_API_URL": "http://127.0.0.1:8081"}
    assert "  api_url: ${ORIENTA_TELEGRAM_API_URL}" in runtime_credentials(ROOT, env)
    assert telegram_settings(env).api_url == "http://127.0.0.1:8081"


def test_the_bot_api_address_defaults_to_telegrams():
    assert telegram_settings(CONFIGURED).api_url == DEFAULT_API_URL == "https://api.telegram.org"


@pytest.mark.parametrize("missing", sorted(CONFIGURED))
def test_a_partial_configuration_names_what_is_missing(missing):
    env = {name: value for name, value in CONFIGURED.items() if name != missing}
    with pytest.raises(ConfigError, match=missing):
        runtime_credentials(ROOT, env)


@pytest.mark.parametrize("name, value", [
    ("ORIENTA_TELEGRAM_SECRET", "short"),
    ("ORIENTA_TELEGRAM_SECRET", "has spaces and symbols!" * 2),
    ("ORIENTA_TELEGRAM_WEBHOOK_URL", "http://orienta.example.org/webhooks/telegram/webhook"),
    ("ORIENTA_TELEGRAM_WEBHOOK_URL", "orienta.example.org"),
    ("ORIENTA_TELEGRAM_TOKEN", "not-a-token"),
    ("ORIENTA_TELEGRAM_API_URL", "ftp://api.example.org"),
])
def test_a_malformed_value_is_refused_naming_its_variable(name, value):
    with pytest.raises(ConfigError, match=name):
        telegram_settings({**CONFIGURED, name: value})


def test_the_settings_never_show_the_token_or_the_secret():
    settings = TelegramSettings.from_mapping({"token": TOKEN, "secret_token": SECRET,
                                              "webhook_url": "https://orienta.example.org/hook"})
    assert TOKEN not in repr(settings) and SECRET not in repr(settings)


def test_the_committed_credentials_name_no_telegram_secret():
    committed = (ROOT / "credentials.yml").read_text(encoding="utf-8")
    assert "ORIENTA_TELEGRAM" not in committed and "TelegramInput" not in committed
