"""Settings from the environment with safe local defaults, and where the store puts its database."""
import pytest

from bot.config import REPO_ROOT, ConfigError, settings
from bot.store import engine

VARIABLES = ("ORIENTA_DATABASE_URL", "ORIENTA_RASA_PORT", "ORIENTA_ACTIONS_PORT", "ORIENTA_LOG_LEVEL", "ORIENTA_HOST")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_defaults_run_locally_on_loopback_with_the_usual_rasa_ports():
    current = settings()
    assert (current.host, current.rasa_port, current.actions_port, current.log_level) == ("127.0.0.1", 5005, 5055, "INFO")


def test_the_default_database_is_a_sqlite_file_in_the_repository_var_folder():
    assert settings().database_url == f"sqlite:///{REPO_ROOT / 'var' / 'orienta.db'}"


def test_environment_variables_override_the_defaults(monkeypatch):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", "postgresql://orienta@db/orienta")
    monkeypatch.setenv("ORIENTA_RASA_PORT", "8005")
    monkeypatch.setenv("ORIENTA_LOG_LEVEL", "debug")
    current = settings()
    assert (current.database_url, current.rasa_port, current.log_level) == ("postgresql://orienta@db/orienta", 8005, "DEBUG")


def test_an_empty_variable_means_the_default(monkeypatch):
    monkeypatch.setenv("ORIENTA_ACTIONS_PORT", "")
    assert settings().actions_port == 5055


@pytest.mark.parametrize("value", ["http", "0", "65536", "-1"])
def test_a_bad_port_is_refused_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("ORIENTA_RASA_PORT", value)
    with pytest.raises(ConfigError, match="ORIENTA_RASA_PORT"):
        settings()


def test_an_unknown_log_level_is_refused_naming_the_variable(monkeypatch):
    monkeypatch.setenv("ORIENTA_LOG_LEVEL", "chatty")
    with pytest.raises(ConfigError, match="ORIENTA_LOG_LEVEL='chatty': must be one of DEBUG"):
        settings()


def test_the_store_creates_the_folder_of_a_sqlite_file_when_first_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'orienta.db'}")
    engine().dispose()
    assert (tmp_path / "var").is_dir()
