"""Every criterion of every call, passing, failing and unknown."""
import datetime as dt

import pytest

from bot.catalogue import full_catalogue
from bot.profile import parse_profile
from bot.rules.eligibility import judge

TODAY = dt.date(2026, 11, 21)

# A firm that meets every checkable rule of every call; each case changes one fact.
GOOD = {
    "employees": 25, "turnover_eur": 4_000_000, "province": "BG", "export_share_pct": 15,
    "approved_balance_sheets": 3, "years_active": 5, "craft_enterprise": True,
    "investment_eur": 20_000,
    "vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000},
    "fairs": {"count": 1, "exhibitor": "new", "eligible_expenses": 10_000, "stand_sqm": 20},
    "average_revenues_eur": 4_000_000, "target_markets": ["BR", "IN", "US", "africa"],
    "plan": ["fair", "shop_abroad", "ecommerce", "temporary_manager", "certifications_consultancy",
             "digital_ecological"],
}
DROP = object()


def result(call_id, criterion, **changes):
    facts = {**GOOD, **changes}
    facts = {key: value for key, value in facts.items() if value is not DROP}
    verdict = judge(full_catalogue().get(call_id), parse_profile(facts), TODAY)
    (check,) = [c for c in verdict.checks if c.criterion == criterion]
    return check


CASES = [
    # Verso Nuovi Mercati
    ("verso-nuovi-mercati-2025", "sme", {}, "pass"),
    ("verso-nuovi-mercati-2025", "sme", {"employees": 300}, "fail"),
    ("verso-nuovi-mercati-2025", "sme", {"employees": DROP}, "unknown"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {}, "pass"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {"province": "TO"}, "fail"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {"province": DROP}, "unknown"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {"province": DROP, "lombardy_site": True}, "pass"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {"province": "TO", "lombardy_site": True}, "pass"),
    ("verso-nuovi-mercati-2025", "lombardy_site", {"lombardy_site": False}, "fail"),
    ("verso-nuovi-mercati-2025", "export_share", {"export_share_pct": 40}, "pass"),
    ("verso-nuovi-mercati-2025", "export_share", {"export_share_pct": "40.01"}, "fail"),
    ("verso-nuovi-mercati-2025", "export_share", {"export_share_pct": DROP}, "unknown"),
    ("verso-nuovi-mercati-2025", "balance_sheets", {"approved_balance_sheets": 2}, "pass"),
    ("verso-nuovi-mercati-2025", "balance_sheets", {"approved_balance_sheets": 1}, "fail"),
    ("verso-nuovi-mercati-2025", "balance_sheets", {"approved_balance_sheets": DROP}, "unknown"),
    ("verso-nuovi-mercati-2025", "minimum_investment", {}, "pass"),
    ("verso-nuovi-mercati-2025", "minimum_investment",
     {"vnm_expenses": {"consultancy": 0, "initiatives": 20_000, "training": 0}}, "fail"),
    ("verso-nuovi-mercati-2025", "minimum_investment", {"vnm_expenses": DROP}, "unknown"),
    # Linea Internazionalizzazione 2019
    ("linea-internazionalizzazione-2019", "sme", {"employees": 250}, "fail"),
    ("linea-internazionalizzazione-2019", "lombardy_site", {"province": "VR"}, "fail"),
    ("linea-internazionalizzazione-2019", "years_active", {"years_active": 2}, "pass"),
    ("linea-internazionalizzazione-2019", "years_active", {"years_active": "1.9"}, "fail"),
    ("linea-internazionalizzazione-2019", "years_active", {"years_active": DROP}, "unknown"),
    ("linea-internazionalizzazione-2019", "minimum_project", {"investment_eur": 62_500}, "pass"),
    ("linea-internazionalizzazione-2019", "minimum_project", {"investment_eur": "62499.99"}, "fail"),
    ("linea-internazionalizzazione-2019", "minimum_project", {"investment_eur": DROP}, "unknown"),
    # Investimenti per la Ripresa - Artigiani
    ("investimenti-ripresa-2021-artigiani", "sme", {}, "pass"),
    ("investimenti-ripresa-2021-artigiani", "lombardy_site", {"province": "MI"}, "pass"),
    ("investimenti-ripresa-2021-artigiani", "craft_enterprise", {}, "pass"),
    ("investimenti-ripresa-2021-artigiani", "craft_enterprise", {"craft_enterprise": False}, "fail"),
    ("investimenti-ripresa-2021-artigiani", "craft_enterprise", {"craft_enterprise": DROP}, "unknown"),
    ("investimenti-ripresa-2021-artigiani", "years_active", {"years_active": 1}, "fail"),
    ("investimenti-ripresa-2021-artigiani", "minimum_investment", {"investment_eur": 15_000}, "pass"),
    ("investimenti-ripresa-2021-artigiani", "minimum_investment", {"investment_eur": 14_999}, "fail"),
    # Investimenti per la Ripresa - Aree Interne
    ("investimenti-ripresa-2021-aree-interne", "sme", {"employees": DROP}, "unknown"),
    ("investimenti-ripresa-2021-aree-interne", "lombardy_site", {}, "pass"),
    ("investimenti-ripresa-2021-aree-interne", "inner_area", {"province": "SO"}, "unknown"),
    ("investimenti-ripresa-2021-aree-interne", "inner_area", {"province": "MI"}, "fail"),
    ("investimenti-ripresa-2021-aree-interne", "inner_area", {"province": DROP}, "unknown"),
    ("investimenti-ripresa-2021-aree-interne", "minimum_investment", {"investment_eur": DROP}, "unknown"),
    # Fiere 2020-2022
    ("fiere-internazionali-2020-2022", "sme", {"employees": 1000}, "fail"),
    ("fiere-internazionali-2020-2022", "lombardy_site", {"lombardy_site": False}, "fail"),
    ("fiere-internazionali-2020-2022", "minimum_investment", {}, "pass"),
    ("fiere-internazionali-2020-2022", "minimum_investment",
     {"fairs": {"count": 1, "exhibitor": "new", "eligible_expenses": 5_999}}, "fail"),
    ("fiere-internazionali-2020-2022", "minimum_investment", {"fairs": DROP}, "unknown"),
    # Fiere 2024-2026: 10 m2 make 5,649.60 of eligible expenses, under the 6,000 minimum
    ("fiere-internazionali-2024-2026", "sme", {}, "pass"),
    ("fiere-internazionali-2024-2026", "lombardy_site", {"province": "PV"}, "pass"),
    ("fiere-internazionali-2024-2026", "minimum_investment", {}, "pass"),
    ("fiere-internazionali-2024-2026", "minimum_investment",
     {"fairs": {"count": 1, "exhibitor": "new", "stand_sqm": 10}}, "fail"),
    ("fiere-internazionali-2024-2026", "minimum_investment", {"fairs": DROP}, "unknown"),
    # Fiere in forma aggregata 2026-2027
    ("fiere-internazionali-aggregate-2026-2027", "sme", {}, "pass"),
    ("fiere-internazionali-aggregate-2026-2027", "sme", {"employees": 400}, "fail"),
    # Bando Export 2024: export strictly under 20%, project from 10,000 to 30,000
    ("bando-export-2024", "export_share", {"export_share_pct": "19.99"}, "pass"),
    ("bando-export-2024", "export_share", {"export_share_pct": 20}, "fail"),
    ("bando-export-2024", "export_share", {"export_share_pct": DROP}, "unknown"),
    ("bando-export-2024", "project_size", {"investment_eur": 10_000}, "pass"),
    ("bando-export-2024", "project_size", {"investment_eur": 30_000}, "pass"),
    ("bando-export-2024", "project_size", {"investment_eur": "30000.01"}, "fail"),
    ("bando-export-2024", "project_size", {"investment_eur": 9_999}, "fail"),
    ("bando-export-2024", "project_size", {"investment_eur": DROP}, "unknown"),
    # SIMEST lines: balance sheets, what they fund, the EUR 10,000 minimum on the financing (which
    # the revenues cap: 35% of 20,000 is 7,000)
    *[(line, criterion, changes, expected) for line, plan in [
        ("simest-inserimento-mercati-esteri", "shop_abroad"), ("simest-transizione-digitale-ecologica", "digital_ecological"),
        ("simest-e-commerce", "ecommerce"), ("simest-certificazioni-consulenze", "certifications_consultancy"),
        ("simest-temporary-manager", "temporary_manager")]
      for criterion, changes, expected in [
        ("balance_sheets", {"approved_balance_sheets": 2}, "pass"),
        ("balance_sheets", {"approved_balance_sheets": 1}, "fail"),
        ("balance_sheets", {"approved_balance_sheets": DROP}, "unknown"),
        ("plan", {"plan": [plan]}, "pass"),
        ("plan", {"plan": ["fair"] if plan != "fair" else ["ecommerce"]}, "fail"),
        ("plan", {"plan": DROP}, "unknown"),
        ("minimum_financing", {"investment_eur": 10_000}, "pass"),
        ("minimum_financing", {"investment_eur": "9999.99"}, "fail"),
        ("minimum_financing", {"average_revenues_eur": 20_000, "investment_eur": DROP}, "fail"),
        ("minimum_financing", {"average_revenues_eur": DROP}, "unknown"),
      ]],
    ("simest-transizione-digitale-ecologica", "exporter", {"export_share_pct": 10}, "pass"),
    ("simest-transizione-digitale-ecologica", "exporter", {"export_share_pct": "9.99"}, "unknown"),  # energy-intensive or supply chain?
    ("simest-transizione-digitale-ecologica", "exporter", {"export_share_pct": DROP}, "unknown"),
    # Fiere ed eventi: one balance sheet is enough (up to EUR 150,000)
    ("simest-fiere-ed-eventi", "balance_sheets", {"approved_balance_sheets": 1}, "pass"),
    ("simest-fiere-ed-eventi", "balance_sheets", {"approved_balance_sheets": 0}, "fail"),
    ("simest-fiere-ed-eventi", "plan", {"plan": ["fair"]}, "pass"),
    ("simest-fiere-ed-eventi", "plan", {"plan": ["ecommerce"]}, "fail"),
    ("simest-fiere-ed-eventi", "plan", {"plan": DROP}, "unknown"),
    ("simest-fiere-ed-eventi", "minimum_financing", {}, "pass"),
    ("simest-fiere-ed-eventi", "minimum_financing", {"investment_eur": 9_000}, "fail"),
    ("simest-fiere-ed-eventi", "minimum_financing", {"average_revenues_eur": DROP, "turnover_eur": DROP}, "unknown"),
    # Geographic measures
    ("simest-america-centrale-meridionale", "target_market", {"target_markets": ["BR"]}, "pass"),
    ("simest-america-centrale-meridionale", "target_market", {"target_markets": ["central_south_america"]}, "pass"),
    ("simest-america-centrale-meridionale", "target_market", {"target_markets": ["CU"]}, "unknown"),  # Caribbean
    ("simest-america-centrale-meridionale", "target_market", {"target_markets": ["US", "DE"]}, "fail"),
    ("simest-america-centrale-meridionale", "target_market", {"target_markets": DROP}, "unknown"),
    ("simest-america-centrale-meridionale", "exporter", {"export_share_pct": 5}, "pass"),
    ("simest-america-centrale-meridionale", "exporter", {"export_share_pct": 4}, "unknown"),  # a supplier?
    ("simest-america-centrale-meridionale", "minimum_financing", {}, "pass"),
    ("simest-america-centrale-meridionale", "minimum_financing", {"average_revenues_eur": 20_000, "investment_eur": DROP}, "fail"),
    ("simest-america-centrale-meridionale", "minimum_financing", {"average_revenues_eur": DROP}, "unknown"),
    ("simest-india", "target_market", {"target_markets": ["IN"]}, "pass"),
    ("simest-india", "target_market", {"target_markets": ["CN"]}, "fail"),
    ("simest-india", "target_market", {"target_markets": DROP}, "unknown"),
    ("simest-india", "minimum_financing", {}, "pass"),
    ("simest-india", "minimum_financing", {"investment_eur": 5_000}, "fail"),
    ("simest-usa", "target_market", {"target_markets": ["US"]}, "pass"),
    ("simest-usa", "target_market", {"target_markets": ["CA", "MX"]}, "fail"),
    ("simest-usa", "target_market", {"target_markets": DROP}, "unknown"),
    ("simest-condizioni-africa", "target_market", {"target_markets": ["africa"]}, "pass"),
    ("simest-condizioni-africa", "target_market", {"target_markets": ["IN"]}, "fail"),
    ("simest-condizioni-africa", "target_market", {"target_markets": DROP}, "unknown"),
    # Linea Internazionalizzazione 2021-2027
    ("linea-internazionalizzazione-2021-2027", "sme", {"employees": 250}, "fail"),
    ("linea-internazionalizzazione-2021-2027", "lombardy_site", {"province": "NO"}, "fail"),
    ("linea-internazionalizzazione-2021-2027", "balance_sheets", {"approved_balance_sheets": 2}, "pass"),
    ("linea-internazionalizzazione-2021-2027", "balance_sheets", {"approved_balance_sheets": 1}, "fail"),
    # Chamber calls: only for firms with the operating site in the chamber's provinces
    ("connessi-2026", "territory", {"province": "MB"}, "pass"),
    ("connessi-2026", "territory", {"province": "LO"}, "pass"),
    ("connessi-2026", "territory", {"province": "BG"}, "fail"),
    ("connessi-2026", "territory", {"province": DROP}, "unknown"),
    ("connessi-2026", "minimum_spend", {"investment_eur": 4_000}, "pass"),
    ("connessi-2026", "minimum_spend", {"investment_eur": "3999.99"}, "fail"),
    ("connessi-2026", "minimum_spend", {"investment_eur": DROP}, "unknown"),
    ("brescia-agef-2507-fiere-italia-2025", "territory", {"province": "BS"}, "pass"),
    ("brescia-agef-2507-fiere-italia-2025", "territory", {}, "fail"),
    ("brescia-agef-2508-fiere-lombardia-2025", "territory", {"province": DROP, "comune": "Desenzano del Garda"}, "pass"),
    ("brescia-agef-2508-fiere-lombardia-2025", "territory", {"province": "CR"}, "fail"),
    ("pro-brixia-voucher-2024", "territory", {"province": "BS"}, "pass"),
    ("pro-brixia-voucher-2024", "territory", {"province": DROP}, "unknown"),
    ("bergamo-bando-fiere-2025", "territory", {}, "pass"),
    ("bergamo-bando-fiere-2025", "territory", {"province": "MI"}, "fail"),
    ("sondrio-fiere-2025", "territory", {"province": "SO"}, "pass"),
    ("sondrio-fiere-2025", "territory", {"province": "LC"}, "fail"),
    ("sondrio-fiere-2025", "minimum_spend", {"investment_eur": 4_000}, "pass"),
    ("sondrio-fiere-2025", "minimum_spend", {"investment_eur": 3_999}, "fail"),
    ("varese-fiere-2024", "territory", {"province": "VA"}, "pass"),
    ("varese-fiere-2024", "territory", {"province": "CO"}, "fail"),
    ("como-lecco-fiere-2023", "territory", {"province": "LC"}, "pass"),
    ("como-lecco-fiere-2023", "territory", {"province": "VA"}, "fail"),
    # MIMIT fair voucher 2025 and Piano Export 2025
    ("mimit-buono-fiere-2025", "sme", {}, "pass"),
    ("mimit-buono-fiere-2025", "sme", {"employees": 260}, "fail"),
    ("mimit-buono-fiere-2025", "balance_sheets", {"approved_balance_sheets": 1}, "fail"),
    ("piano-export-2025-export-su-misura", "sme", {"employees": DROP}, "unknown"),
    ("piano-export-2025-export-su-misura", "lombardy_site", {}, "pass"),
]


@pytest.mark.parametrize("call_id, criterion, changes, expected", CASES,
                         ids=[f"{c[0]}:{c[1]}:{c[3]}:{i}" for i, c in enumerate(CASES)])
def test_criterion(call_id, criterion, changes, expected):
    check = result(call_id, criterion, **changes)
    assert check.result == expected
    assert check.reason["it"] and check.reason["en"] and check.reason["it"] != check.reason["en"]


def test_every_criterion_in_the_catalogue_is_covered_by_a_case():
    covered = {(case[0], case[1]) for case in CASES}
    every = {(call.id, c["id"]) for call in full_catalogue() for c in call.criteria}
    assert every - covered == set()


def test_an_unknown_criterion_names_the_fact_to_ask():
    assert result("verso-nuovi-mercati-2025", "export_share", export_share_pct=DROP).missing == ["export_share_pct"]
    assert result("verso-nuovi-mercati-2025", "lombardy_site", province=DROP).missing == ["province"]


def test_the_reason_quotes_the_figures_in_each_language():
    check = result("verso-nuovi-mercati-2025", "export_share", export_share_pct=50)
    assert "50%" in check.reason["it"] and "40%" in check.reason["it"]
    assert "50%" in check.reason["en"] and "above" in check.reason["en"]


def test_the_minimum_reason_quotes_the_amounts_in_local_format():
    check = result("verso-nuovi-mercati-2025", "minimum_investment",
                   vnm_expenses={"consultancy": 0, "initiatives": 20_000, "training": 0})
    assert "25.680,00\u00a0€" in check.reason["it"] and "30.000,00\u00a0€" in check.reason["it"]
    assert "€25,680.00" in check.reason["en"]


def test_a_loan_duration_the_call_refuses_leaves_the_minimum_unknown_with_the_reason():
    check = result("verso-nuovi-mercati-2025", "minimum_investment", loan_years=9)
    assert check.result == "unknown" and check.missing == ["loan_years"]
