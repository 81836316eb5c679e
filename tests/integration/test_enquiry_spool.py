"""No enquiry lost with the database down (bot/store/spool.py): it is spooled under the
reference the user was given and written, with that reference, once the database answers."""
from __future__ import annotations

import stat

import pytest
from sqlalchemy import func, select

from bot.store import session_factory, upgrade
from bot.store.enquiries import EnquiryError, get_by_reference
from bot.store.models import Enquiry
from bot.store.spool import flush, save_or_spool

DOWN = "postgresql://orienta@127.0.0.1:1/orienta"  # nothing listens on port 1: connection refused
VALUES = dict(channel="rest", language="it", profile={"employees": 12, "province": "BG"},
              verdicts={"today": "2026-12-02"}, desk_id="bergamo", consent=True, contact_name="Maria Rossi",
              contact_email="maria@example.it", conversation_id="rest:maria", consent_version="handoff-2026-12-02")


@pytest.fixture
def up(tmp_path):
    url = f"sqlite:///{tmp_path / 'orienta.db'}"
    upgrade(url)
    factory = session_factory(url)
    yield factory
    factory.kw["bind"].dispose()


def test_with_the_database_down_the_enquiry_waits_and_is_written_later_with_its_reference(up, tmp_path):
    folder = tmp_path / "spool"
    down = session_factory(DOWN)
    reference = save_or_spool(down, folder, **VALUES)
    down.kw["bind"].dispose()
    [kept] = list(folder.glob("*.json"))
    assert kept.stem == reference and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert flush(up, folder) == 1 and not list(folder.glob("*.json"))
    with up() as session:
        stored = get_by_reference(session, reference)
        assert (stored.contact_email, stored.desk_id, stored.consent_version) == (
            "maria@example.it", "bergamo", "handoff-2026-12-02")


def test_the_next_enquiry_saved_writes_the_spooled_ones_first(up, tmp_path):
    folder = tmp_path / "spool"
    down = session_factory(DOWN)
    first = save_or_spool(down, folder, **VALUES)
    down.kw["bind"].dispose()
    second = save_or_spool(up, folder, **VALUES)
    with up() as session:
        assert session.scalar(select(func.count()).select_from(Enquiry)) == 2
        assert get_by_reference(session, first) and get_by_reference(session, second)


def test_an_invalid_enquiry_is_refused_even_with_the_database_down(tmp_path):
    down = session_factory(DOWN)
    with pytest.raises(EnquiryError):
        save_or_spool(down, tmp_path / "spool", **{**VALUES, "contact_email": "not an address"})
    down.kw["bind"].dispose()
    assert not (tmp_path / "spool").exists() or not list((tmp_path / "spool").glob("*.json"))


def test_an_unreadable_spool_file_is_set_aside_not_retried(up, tmp_path):
    folder = tmp_path / "spool"
    folder.mkdir()
    (folder / "ABCDEFGH.json").write_text("{not json")
    assert flush(up, folder) == 0
    assert (folder / "ABCDEFGH.refused").exists()
