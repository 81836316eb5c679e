"""The alerts command's settings: safe defaults, and a wrong value named by its variable."""
import pytest

from bot.alerts.settings import alert_settings
from bot.config import ConfigError

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SMTP = {"ORIENTA_SMTP_HOST": "smtp.example.org", "ORIENTA_SMTP_FROM": "avvisi@example.org"}


def test_nothing_configured_means_no_channel_no_telegram_and_no_smtp():
    settings = alert_settings({})
    assert (settings.telegram_token, settings.channel, settings.smtp) == (None, None, None)
    assert settings.telegram_api_url == "https://api.telegram.org"


def test_smtp_uses_starttls_on_port_587_unless_told_otherwise():
    smtp = alert_settings(SMTP).smtp
    assert (smtp.host, smtp.port, smtp.starttls, smtp.sender) == ("smtp.example.org", 587, True, "avvisi@example.org")
    assert alert_settings(SMTP | {"ORIENTA_SMTP_STARTTLS": "false"}).smtp.port == 25


def test_the_smtp_password_is_never_shown():
    settings = alert_settings(SMTP | {"ORIENTA_SMTP_USER": "orienta", "ORIENTA_SMTP_PASSWORD": "s3cret-pw"})
    assert "s3cret-pw" not in repr(settings)


@pytest.mark.parametrize("env, variable", [
    (SMTP | {"ORIENTA_SMTP_FROM": ""}, "ORIENTA_SMTP_FROM"),
    (SMTP | {"ORIENTA_SMTP_PORT": "smtp"}, "ORIENTA_SMTP_PORT"),
    (SMTP | {"ORIENTA_SMTP_STARTTLS": "maybe"}, "ORIENTA_SMTP_STARTTLS"),
    (SMTP | {"ORIENTA_SMTP_USER": "orienta"}, "ORIENTA_SMTP_PASSWORD"),
    (SMTP | {"ORIENTA_SMTP_USER": "orienta", "ORIENTA_SMTP_PASSWORD": "pw", "ORIENTA_SMTP_STARTTLS": "no"},
     "ORIENTA_SMTP_STARTTLS"),
    ({"ORIENTA_TELEGRAM_TOKEN": "not-a-token"}, "ORIENTA_TELEGRAM_TOKEN"),
    ({"ORIENTA_TELEGRAM_CHANNEL": "@orienta_bandi", "ORIENTA_TELEGRAM_BOT_USERNAME": "OrientaBot"},
     "ORIENTA_TELEGRAM_TOKEN"),
    ({"ORIENTA_TELEGRAM_TOKEN": TOKEN, "ORIENTA_TELEGRAM_CHANNEL": "orienta bandi",
      "ORIENTA_TELEGRAM_BOT_USERNAME": "OrientaBot"}, "ORIENTA_TELEGRAM_CHANNEL"),
    ({"ORIENTA_TELEGRAM_TOKEN": TOKEN, "ORIENTA_TELEGRAM_CHANNEL_LANGUAGE": "fr"}, "ORIENTA_TELEGRAM_CHANNEL_LANGUAGE"),
])
def test_a_wrong_setting_is_refused_naming_its_variable(env, variable):
    with pytest.raises(ConfigError, match=variable):
        alert_settings(env)
