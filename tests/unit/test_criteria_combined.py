"""Criteria made of criteria (any_of, all_of) and the ones only their options may use (condition)."""
from bot import sme
from bot.profile import parse_profile
from bot.rules.criteria import Context, evaluate

SRC = ["s"]
EXPORT_10 = {"id": "export_10", "type": "at_least", "fact": "export_share_pct", "limit": 10, "sources": SRC}
SME = {"id": "sme", "type": "sme_size", "sources": SRC}
SOUTH = {"id": "south", "type": "condition", "text": {"it": "sede al Sud", "en": "a site in the South"}, "sources": SRC}
INNOVATIVE = {"id": "innovative", "type": "is_true", "fact": "innovative_sme",
              "what": {"it": "PMI innovativa", "en": "an innovative SME"}, "sources": SRC}


def check(criterion, **facts):
    profile = parse_profile(facts)
    return evaluate(criterion, Context(profile=profile, size=sme.size_range(profile)))


def test_any_of_passes_on_one_option_and_fails_only_when_all_fail():
    either = {"id": "either", "type": "any_of", "options": [EXPORT_10, INNOVATIVE], "sources": SRC}
    assert check(either, export_share_pct=3, innovative_sme=True).result == "pass"
    failed = check(either, export_share_pct=3, innovative_sme=False)
    assert failed.result == "fail" and "3%" in failed.reason["en"] and "innovative SME" in failed.reason["en"]
    unknown = check(either, export_share_pct=3)
    assert unknown.result == "unknown" and unknown.missing == ["innovative_sme"]


def test_any_of_with_a_condition_never_fails_but_asks_to_verify():
    either = {"id": "either", "type": "any_of", "options": [EXPORT_10, SOUTH], "sources": SRC}
    result = check(either, export_share_pct=3)
    assert result.result == "unknown" and result.missing == [] and "South" in result.reason["en"]


def test_all_of_needs_every_option():
    both = {"id": "both", "type": "all_of", "options": [SME, EXPORT_10], "sources": SRC}
    assert check(both, employees=20, turnover_eur=3_000_000, export_share_pct=10).result == "pass"
    assert check(both, employees=300, export_share_pct=50).result == "fail"
    missing = check(both, export_share_pct=50)
    assert missing.result == "unknown" and missing.missing == ["employees", "turnover_eur"]


def test_a_condition_is_always_to_verify():
    result = check(SOUTH)
    assert result.result == "unknown" and result.reason["it"] == "Da verificare: sede al Sud."


def test_holding_one_of_the_certifications():
    certified = {"id": "cert", "type": "holds_any", "fact": "certifications", "values": ["iso_45001", "sa8000"],
                 "what": {"it": "una certificazione", "en": "a certification"}, "sources": SRC}
    assert check(certified, certifications=["sa8000"]).result == "pass"
    assert check(certified, certifications=["iso_14001"]).result == "fail"
    assert check(certified, certifications=[]).result == "fail"
    assert check(certified).missing == ["certifications"]
