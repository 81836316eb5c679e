"""Lombardia Point desks: one per chamber, every Lombardy province routed to exactly one."""
import copy

import pytest
import yaml

from bot.geo.desks import (
    CONTACT_FIELDS,
    DESKS_FILE,
    DeskDataError,
    all_desks,
    desk_by_id,
    desk_for_comune,
    desk_for_province,
    load_desks,
)
from bot.geo.municipalities import LOMBARDY_PROVINCES, PlaceError


def test_lombardy_has_seven_chamber_desks():
    assert len(all_desks()) == 7


@pytest.mark.parametrize("code", sorted(LOMBARDY_PROVINCES))
def test_every_lombardy_province_is_served_by_exactly_one_desk(code):
    assert [d.id for d in all_desks() if code in d.provinces] == [desk_for_province(code).id]


@pytest.mark.parametrize(
    "code, desk_id",
    [
        ("PV", "cremona-mantova-pavia"),
        ("CR", "cremona-mantova-pavia"),
        ("MN", "cremona-mantova-pavia"),
        ("LC", "como-lecco"),
        ("CO", "como-lecco"),
        ("MB", "milano-monza-brianza-lodi"),
        ("LO", "milano-monza-brianza-lodi"),
        ("MI", "milano-monza-brianza-lodi"),
        ("BG", "bergamo"),
        ("BS", "brescia"),
        ("SO", "sondrio"),
        ("VA", "varese"),
    ],
)
def test_a_province_is_routed_to_its_chamber(code, desk_id):
    assert desk_for_province(code).id == desk_id


def test_province_codes_are_matched_whatever_the_case():
    assert desk_for_province(" pv ").id == "cremona-mantova-pavia"


@pytest.mark.parametrize("code", ["TO", "RM", "", "XX", None])
def test_there_is_no_desk_outside_lombardy(code):
    assert desk_for_province(code) is None


def test_a_comune_is_routed_through_its_province():
    assert desk_for_comune("Voghera").id == "cremona-mantova-pavia"


def test_a_comune_outside_lombardy_has_no_desk():
    assert desk_for_comune("Torino") is None


def test_an_unclear_comune_raises_a_place_error_rather_than_guessing():
    with pytest.raises(PlaceError, match="ambiguous"):
        desk_for_comune("Castro")


def test_the_merged_chamber_of_cremona_mantova_pavia_has_its_seat_in_mantova():
    assert desk_for_province("PV").seat == "Mantova"


@pytest.mark.parametrize("desk", all_desks(), ids=lambda d: d.id)
def test_unknown_contacts_stay_empty_and_are_flagged_unverified(desk):
    assert [getattr(desk, name) for name in CONTACT_FIELDS] == [None, None, None, None]
    assert desk.contacts_verified is False


@pytest.mark.parametrize("desk", all_desks(), ids=lambda d: d.id)
def test_every_desk_cites_the_research_note_and_the_seed(desk):
    assert {s["source"] for s in desk.sources} == {"FACTS.md §4 research note", "seed 004"}


def test_to_dict_is_json_ready_with_the_note_in_the_asked_language():
    view = desk_for_province("LC").to_dict("it")
    assert view["chamber"] == "Camera di Commercio di Como-Lecco"
    assert view["provinces"] == ["CO", "LC"]
    assert view["contacts_verified"] is False
    assert view["history"].startswith("La Camera è nata nel 2019")
    assert view["note"].startswith("Contatti non ancora verificati")


def test_to_dict_without_a_language_gives_the_texts_in_both():
    view = desk_for_province("LC").to_dict()
    assert view["history"]["it"].startswith("La Camera è nata nel 2019")
    assert view["history"]["en"].startswith("The chamber was formed in 2019")
    assert view["note"]["en"].startswith("Contacts not yet verified")


def test_desk_by_id_finds_the_desk_an_enquiry_refers_to():
    assert desk_by_id("varese").provinces == ("VA",)
    assert desk_by_id("torino") is None


# --- validation of the data file: a bad edit fails naming the file and the field ---


def _write(tmp_path, mutate):
    data = copy.deepcopy(yaml.safe_load(DESKS_FILE.read_text(encoding="utf-8")))
    mutate(data["desks"])
    path = tmp_path / "desks.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_file_is_valid():
    assert [d.id for d in load_desks(DESKS_FILE)] == [d.id for d in all_desks()]


def test_a_province_served_twice_is_refused(tmp_path):
    path = _write(tmp_path, lambda desks: desks[0]["provinces"].append("VA"))
    with pytest.raises(DeskDataError, match=r"desks.yaml: desks\(varese\).provinces: VA is already served by bergamo"):
        load_desks(path)


def test_a_province_served_by_no_desk_is_refused(tmp_path):
    path = _write(tmp_path, lambda desks: desks.pop())  # drops Varese
    with pytest.raises(DeskDataError, match="desks.yaml: desks: no desk serves VA"):
        load_desks(path)


def test_a_duplicate_id_is_refused(tmp_path):
    def duplicate(desks):
        desks[1]["id"] = "bergamo"

    with pytest.raises(DeskDataError, match=r"desks\(bergamo\).id: is used by more than one desk"):
        load_desks(_write(tmp_path, duplicate))


def test_a_province_outside_lombardy_is_refused(tmp_path):
    path = _write(tmp_path, lambda desks: desks[0]["provinces"].append("TO"))
    with pytest.raises(DeskDataError, match=r"desks\[0\]\(bergamo\).provinces: 'TO' is not a Lombardy province"):
        load_desks(path)


def test_a_missing_field_is_refused_asking_for_null_instead(tmp_path):
    path = _write(tmp_path, lambda desks: desks[2].pop("email"))
    with pytest.raises(DeskDataError, match=r"desks\[2\].email: is missing \(use null if unknown\)"):
        load_desks(path)


def test_verified_contacts_without_any_contact_are_refused(tmp_path):
    def verify(desks):
        desks[0]["contacts_verified"] = True

    with pytest.raises(DeskDataError, match="contacts_verified: is true but no contact is given"):
        load_desks(_write(tmp_path, verify))


def test_a_malformed_email_is_refused(tmp_path):
    def bad_email(desks):
        desks[0]["email"] = "not-an-address"

    with pytest.raises(DeskDataError, match=r"desks\[0\]\(bergamo\).email: 'not-an-address' is not an e-mail"):
        load_desks(_write(tmp_path, bad_email))


def test_a_note_missing_a_language_is_refused(tmp_path):
    path = _write(tmp_path, lambda desks: desks[0]["notes"].pop("it"))
    with pytest.raises(DeskDataError, match=r"notes: must give a non-empty text for exactly these languages: it, en"):
        load_desks(path)


def test_a_desk_without_sources_is_refused(tmp_path):
    def unsourced(desks):
        desks[0]["sources"] = []

    with pytest.raises(DeskDataError, match="sources: must be a non-empty list"):
        load_desks(_write(tmp_path, unsourced))


def test_an_unreadable_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "desks.yaml"
    path.write_text("desks: [unclosed", encoding="utf-8")
    with pytest.raises(DeskDataError, match="desks.yaml: cannot be read"):
        load_desks(path)
