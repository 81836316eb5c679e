"""Every call the chat knows, the national measures and the chambers' calls too, answers every
kind of question from its own file, in both languages, on the real date of the issue: no crash,
no placeholder or Python value leaking into the text, and the call named so the owner knows
which file the reply comes from. Then the wording of what those files brought in: revenue-capped
loans, grant shares earned through criteria, rates read as a share of the EU reference rate,
equal-capital plans, rolling windows, services instead of money, disputed dates, staleness."""
import datetime as dt
import re
from decimal import Decimal

import pytest

from bot.answers import ASPECTS, Inputs, answer
from bot.catalogue import default_catalogue, full_catalogue, load_catalogue
from bot.nlu.aspects import CALL, by_id
from bot.profile import parse_profile
from tests.unit.call_files import edited

TODAY = dt.date(2026, 12, 2)
CALL_ASPECTS = [aspect for aspect in ASPECTS if by_id(aspect).about == CALL]
LEAKS = re.compile(r"\bNone\b|[{}]|KeyError|Traceback|\bnan\b|\bTrue\b|\bFalse\b")
PROFILE = parse_profile({"employees": 25, "turnover_eur": 4000000, "comune": "Bergamo", "export_share_pct": 30,
                         "approved_balance_sheets": 3, "average_revenues_eur": 3000000, "plan": ["fair"],
                         "target_markets": ["IN"], "certifications": []})
MEASURES = ["simest-e-commerce", "simest-fiere-ed-eventi", "simest-inserimento-mercati-esteri",
            "simest-india", "simest-usa", "simest-condizioni-africa", "simest-america-centrale-meridionale"]


def test_the_chat_knows_every_call_file():
    assert default_catalogue().ids() == full_catalogue().ids()
    assert len(default_catalogue()) == 29


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("call_id", full_catalogue().ids())
def test_every_answer_kind_about_every_call_is_from_its_file(call_id, lang):
    call = full_catalogue().get(call_id)
    for aspect in CALL_ASPECTS:
        for profile, inputs in ((None, Inputs()), (PROFILE, Inputs(amount=Decimal(100000)))):
            text = answer(aspect, lang, call_ids=[call_id], profile=profile, today=TODAY, inputs=inputs).text
            assert text.strip(), (aspect, call_id)
            assert not LEAKS.search(text), (aspect, call_id, text)
            # each reply names the call it answers from (the same or, for a figure only another
            # edition has, that edition)
            named = [c.title[lang] for c in full_catalogue() if c.title[lang] in text]
            assert named, (aspect, call_id, text)


@pytest.mark.parametrize("call_id", full_catalogue().ids())
def test_who_may_apply_words_every_criterion_type(call_id):
    for lang in ("it", "en"):
        text = answer("who", lang, call_ids=[call_id], today=TODAY).text
        assert len(text.splitlines()) >= 2, text


def test_a_simest_line_says_the_revenue_cap_the_cap_by_size_and_the_grant_only_on_criteria():
    text = answer("max_loan", "en", call_ids=["simest-inserimento-mercati-esteri"], today=TODAY).text
    assert "from €10,000.00 up to the lower of 35% of the average revenues of the last two balance sheets" in text
    assert "micro enterprise €500,000.00" in text and "large enterprise €3,500,000.00" in text
    assert "only if you meet one of these criteria:" in text
    assert "• an SME and exports in the previous calendar year" in text
    assert "Without one of them it is a loan only" in text


def test_with_the_average_revenues_the_range_is_the_firms_own():
    text = answer("max_loan", "it", call_ids=["simest-e-commerce"], profile=PROFILE, today=TODAY).text
    # 20% of 3,000,000 is 600,000: the €500,000 cap binds
    assert "Con i vostri dati potete chiedere da 10.000,00\u00a0€ a 500.000,00\u00a0€." in text
    assert "Di cui 50.000,00\u00a0€ a fondo perduto" in text  # 10% earned: an SME exporting 30%


def test_the_rate_is_a_share_of_the_eu_reference_rate_with_the_month_it_was_read():
    en = answer("interest_rate", "en", call_ids=["simest-e-commerce"], today=TODAY).text
    assert "10% of the EU reference rate: 0.321% a year as read in September 2025" in en
    it = answer("interest_rate", "it", call_ids=["simest-e-commerce"], today=TODAY).text
    assert "il 10% del tasso di riferimento UE: 0,321% annuo, valore letto a settembre 2025" in it


def test_an_equal_capital_plan_after_pre_amortisation_on_the_amount_asked():
    text = answer("loan_plan", "en", call_ids=["simest-e-commerce"], today=TODAY,
                  inputs=Inputs(amount=Decimal(100000))).text
    assert "Loan of €100,000.00 over 4 years (24 months of pre-amortisation), rate 0.321%:" in text
    assert "• 4 interest-only payments of €160.50" in text
    assert "• 4 semi-annual (every six months) instalments of equal capital, from €25,160.50 down to" in text
    assert "is an assumption of the estimate" in text  # the file's own caveat
    duration = answer("loan_duration", "en", call_ids=["simest-e-commerce"], today=TODAY).text
    assert "lasts 4 years, including a pre-amortisation of 24 months" in duration
    assert "equal capital" in duration


def test_a_request_below_the_minimum_is_said_so():
    text = answer("simulate", "it", call_ids=["simest-e-commerce"], today=TODAY, inputs=Inputs(amount=5000)).text
    assert "È sotto il finanziamento minimo di 10.000,00\u00a0€." in text


def test_a_rolling_measure_is_open_until_funds_run_out():
    text = answer("closes", "en", call_ids=["simest-temporary-manager"], today=TODAY).text
    assert "applications are accepted while funds last, with no closing date" in text
    assert "It is always open (first come, first served, until the funds run out)." in text


def test_piano_export_gives_services_not_money():
    for aspect in ("max_grant", "funding_form", "split", "simulate"):
        text = answer(aspect, "en", call_ids=["piano-export-2025-export-su-misura"], today=TODAY).text
        assert "Services, not cash grants" in text, aspect


def test_disputed_dates_are_said_as_such():
    for aspect in ("opens", "closes", "status"):
        text = answer(aspect, "en", call_ids=["fiere-internazionali-aggregate-2026-2027"], today=TODAY).text
        assert "The sources disagree on the application dates" in text, aspect
        assert "from 1 January to 31 December 2026, first come first served" in text, aspect


def test_a_chambers_call_names_its_territory_and_a_closed_call_says_so():
    text = answer("who", "it", call_ids=["bergamo-bando-fiere-2025"], today=TODAY).text
    assert "una sede operativa nel territorio della Camera di Commercio di Bergamo (BG)" in text
    status = answer("status", "it", call_ids=["bergamo-bando-fiere-2025"], today=TODAY).text
    assert "chiuso dal 14 luglio 2025" in status


def test_a_target_market_question_is_answered_from_the_criterion():
    text = answer("target_markets", "en", call_ids=["simest-india"], today=TODAY, profile=PROFILE).text
    assert "a target market: India" in text
    assert "✓" in text  # the firm targets India


def test_a_call_checked_over_six_months_ago_says_it_may_have_changed(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda data: data.update(last_verified=dt.date(2026, 5, 1)))
    catalogue = load_catalogue(calls_dir)
    for aspect in ("overview", "max_loan", "how_to_apply"):
        text = answer(aspect, "en", call_ids=["simest-e-commerce"], today=TODAY, catalogue=catalogue).text
        assert "Data last checked on 1 May 2026, more than six months ago" in text, aspect
    fresh = answer("overview", "en", call_ids=["simest-usa"], today=TODAY, catalogue=catalogue).text
    assert "more than six months ago" not in fresh
