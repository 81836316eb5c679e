import datetime as dt
import shutil

from bot.assess import assess
from bot.catalogue import CALLS_DIR, Catalogue, default_catalogue, load_catalogue
from bot.profile import parse_profile

INSIDE_VNM = dt.date(2025, 7, 1)
TODAY = dt.date(2026, 11, 21)

WORKED_EXAMPLE = {
    "employees": 25, "turnover_eur": 4_000_000, "province": "BG", "export_share_pct": 30,
    "approved_balance_sheets": 3,
    "vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000},
}


def ids(result):
    return [v.call.id for v in result.verdicts]


# The eight regional calls these rankings were first written for: the chambers' calls and the
# national measures, open or upcoming on the same days, would change which comes first.
EIGHT = ("verso-nuovi-mercati-2025", "linea-internazionalizzazione-2019", "investimenti-ripresa-2021-artigiani",
         "investimenti-ripresa-2021-aree-interne", "fiere-internazionali-2020-2022", "fiere-internazionali-2024-2026",
         "fiere-internazionali-aggregate-2026-2027", "bando-export-2024")


def eight() -> Catalogue:
    return Catalogue(tuple(call for call in default_catalogue() if call.id in EIGHT))


def test_an_open_call_the_firm_qualifies_for_comes_first():
    result = assess(parse_profile(WORKED_EXAMPLE), today=INSIDE_VNM, catalogue=eight())
    first = result.verdicts[0]
    assert first.call.id == "verso-nuovi-mercati-2025"
    assert first.eligible is True and first.status.status == "open"


def test_over_every_call_the_open_calls_the_firm_qualifies_for_still_come_first():
    verdicts = assess(parse_profile(WORKED_EXAMPLE), today=INSIDE_VNM).verdicts
    qualifying = [v for v in verdicts if v.eligible is True and v.status.status in ("open", "upcoming")]
    assert "verso-nuovi-mercati-2025" in [v.call.id for v in qualifying]
    assert list(verdicts[:len(qualifying)]) == qualifying


def test_once_closed_a_qualifying_call_comes_after_open_ones_but_before_the_rest():
    result = assess(parse_profile(WORKED_EXAMPLE), today=TODAY)
    vnm = result.verdict("verso-nuovi-mercati-2025")
    assert vnm.eligible is True and vnm.status.status == "closed"
    eligible_closed = [v for v in result.verdicts if v.eligible is True and v.status.status == "closed"]
    others = [v for v in result.verdicts if v.eligible is not True]
    positions = ids(result)
    assert max(positions.index(v.call.id) for v in eligible_closed) < min(positions.index(v.call.id) for v in others)
    assert "nuova edizione" in vnm.next_step()["it"] and "new edition" in vnm.next_step()["en"]


def test_calls_the_firm_fails_come_last_with_their_reasons():
    result = assess(parse_profile({**WORKED_EXAMPLE, "export_share_pct": 50}), today=TODAY)
    vnm = result.verdict("verso-nuovi-mercati-2025")
    assert vnm.eligible is False
    assert all(v.eligible is False for v in result.verdicts[ids(result).index(vnm.call.id):])
    failed = [c for c in vnm.checks if c.result == "fail"]
    assert [c.criterion for c in failed] == ["export_share"]


def test_fair_organiser_calls_are_never_offered_to_an_sme(tmp_path):
    folder = tmp_path / "calls"
    shutil.copytree(CALLS_DIR, folder)
    shutil.copy("tests/fixtures/fair-organisers-2026.yaml", folder)
    catalogue = load_catalogue(folder)
    result = assess(parse_profile(WORKED_EXAMPLE), today=TODAY, catalogue=catalogue)
    assert "fair-organisers-2026" not in ids(result)
    asked = assess(parse_profile(WORKED_EXAMPLE), today=TODAY, catalogue=catalogue, call_ids=["fair-organisers-2026"])
    (verdict,) = asked.verdicts
    assert verdict.eligible is False and verdict.checks[0].criterion == "audience"


def test_missing_facts_put_first_what_settles_most_calls():
    result = assess(parse_profile({}), today=INSIDE_VNM, catalogue=eight())
    missing = result.missing
    # Size decides seven of the eight calls, more than any other fact.
    assert missing[:2] == ["employees", "turnover_eur"]
    assert missing.index("province") < missing.index("export_share_pct")
    assert "vnm_expenses.initiatives" in missing


def test_a_settled_call_asks_nothing_more():
    result = assess(parse_profile(WORKED_EXAMPLE), today=INSIDE_VNM, call_ids=["verso-nuovi-mercati-2025"])
    assert result.missing == []


def test_a_failed_call_asks_nothing_more():
    result = assess(parse_profile({"employees": 500}), today=INSIDE_VNM, call_ids=["verso-nuovi-mercati-2025"])
    assert result.verdict("verso-nuovi-mercati-2025").eligible is False
    assert result.missing == []


def test_the_desk_follows_the_province():
    data = assess(parse_profile({"province": "PV"}), today=TODAY).to_dict()
    assert "Pavia" in data["desk"]["chamber"] and "PV" in data["desk"]["provinces"]
    assert assess(parse_profile({"province": "TO"}), today=TODAY).to_dict()["desk"] is None
