"""Facts from a message: entities and bare answers become checked profile facts."""
import datetime as dt
from decimal import Decimal

from bot.conversation import facts


def entity(name, value, role=None):
    found = {"entity": name, "value": value}
    if role:
        found["role"] = role
    return found


def test_entities_with_roles_become_the_facts_they_are_about():
    found = facts.from_entities([
        entity("employees", "25"), entity("amount", "4000000", "turnover"),
        entity("percent", "30", "export"), entity("province", "BG"),
    ])
    assert found.facts == {"employees": "25", "turnover_eur": "4000000", "export_share_pct": "30", "province": "BG"}


def test_an_amount_without_role_answers_the_money_question_asked():
    found = facts.from_entities([entity("amount", "70000")], asking="vnm_expenses.initiatives")
    assert found.facts == {"vnm_expenses.initiatives": "70000"}


def test_an_amount_without_role_is_no_fact_when_no_money_question_is_pending():
    found = facts.from_entities([entity("amount", "70000")], asking="employees")
    assert found.facts == {} and found.amounts == ("70000",)


def test_a_duration_in_years_is_the_loan_only_when_the_loan_was_asked():
    assert facts.from_entities([entity("years", "5")], asking="loan_years").facts == {"loan_years": "5"}
    assert facts.from_entities([entity("years", "5")]).years == "5"


def test_a_count_of_balance_sheets_is_the_approved_balance_sheets():
    assert facts.from_entities([entity("balance_sheets", "3")]).facts == {"approved_balance_sheets": "3"}


def test_a_founding_year_is_the_years_of_activity_on_the_day():
    found = facts.from_entities([entity("company_age", "2015", "since")], today=dt.date(2026, 12, 2))
    assert found.facts == {"years_active": "11"}


def test_an_age_in_years_or_months_is_the_years_of_activity():
    assert facts.from_entities([entity("company_age", "6", "years")]).facts == {"years_active": "6"}
    assert facts.from_entities([entity("company_age", "18", "months")]).facts == {"years_active": "1.5"}


def test_an_age_in_the_future_is_no_fact():
    assert facts.from_entities([entity("company_age", "2030", "since")], today=dt.date(2026, 12, 2)).facts == {}


def test_a_forced_entity_that_is_not_a_plain_value_is_ignored():
    found = facts.from_entities([entity("employees", {"$gt": 1}), entity("employees", ["5"]),
                                 entity("province", "x" * 500)])
    assert found.facts == {}


def test_the_no_fairs_button_is_not_an_exhibitor_kind():
    found = facts.from_entities([entity("exhibitor", facts.NO_FAIRS)])
    assert found.no_fairs and found.facts == {}


def test_an_impossible_value_is_refused_alone_and_the_others_kept():
    applied = facts.apply({}, {"export_share_pct": "250", "employees": "25"})
    assert applied.data == {"employees": "25"}
    assert [(r.key, r.value) for r in applied.refused] == [("export_share_pct", "250")]


def test_a_negative_amount_is_refused():
    applied = facts.apply({}, {"turnover_eur": "-5"})
    assert applied.data == {} and applied.refused[0].key == "turnover_eur"


def test_a_changed_fact_is_reported_with_its_old_and_new_value():
    applied = facts.apply({"employees": "25"}, {"employees": "60"})
    assert applied.changed == {"employees": ("25", "60")} and not applied.added


def test_the_same_value_again_is_neither_added_nor_changed():
    applied = facts.apply({"employees": "25"}, {"employees": "25"})
    assert not applied.touched


def test_a_comune_brings_its_province_and_replaces_the_old_place():
    before = facts.apply({}, {"comune": "Seriate", "province": "BG"}).data
    after = facts.apply(before, {"comune": "Voghera", "province": "PV"})
    assert (after.data["comune"], after.data["province"]) == ("Voghera", "PV")
    assert after.changed == {"province": ("Seriate", "Voghera")}


def test_a_province_alone_drops_a_comune_elsewhere():
    before = facts.apply({}, {"comune": "Seriate"}).data
    after = facts.apply(before, {"province": "PV"}).data
    assert after == {"province": "PV"}


def test_nested_facts_are_kept_under_their_group():
    data = facts.apply({}, {"vnm_expenses.training": "5000", "fairs.exhibitor": "new"}).data
    assert data == {"vnm_expenses": {"training": "5000"}, "fairs": {"exhibitor": "new"}}
    assert facts.profile(data).vnm_expenses.training == Decimal("5000")


def test_a_typed_amount_is_read_for_a_money_question():
    assert facts.read_answer("turnover_eur", "1,5 mln").value == "1500000"


def test_a_typed_place_is_resolved_against_the_register():
    assert facts.read_answer("province", "Seriate (BG)").value == {"comune": "Seriate", "province": "BG"}


def test_a_place_shared_by_two_provinces_asks_which_one():
    reading = facts.read_answer("province", "Castro")
    assert reading.problem == "chat.invalid.place_ambiguous"
    assert reading.values["options"] == ["Castro (BG)", "Castro (LE)"]


def test_no_to_the_pre_amortisation_question_means_zero_months():
    assert facts.read_answer("preamortisation_months", "no").value == "0"


def test_a_yes_no_fact_is_read_from_the_intent():
    assert facts.read_answer("craft_enterprise", "sì", intent="affirm").value is True
    assert facts.read_answer("craft_enterprise", "boh", intent="inform").problem == "chat.invalid.yes_no"


def test_text_without_a_number_is_no_count():
    assert facts.read_answer("employees", "tanti").problem == "chat.invalid.not_a_number"


def test_every_fact_has_its_question_label_and_refusal_in_both_languages():
    from bot.conversation.check_turns import slug
    from bot.texts import LANGUAGES, catalogue

    for lang in LANGUAGES:
        texts = catalogue(lang)
        for key in facts.KINDS:
            for kind in ("ask", "invalid"):
                assert f"chat.{kind}.{slug(key)}" in texts, (lang, kind, key)
            label = f"chat.fact.{slug(key)}"
            # A count's label has its plural forms (bot.texts.tn); every other fact one sentence.
            assert label in texts or {f"{label}.one", f"{label}.other"} <= set(texts), (lang, key)


def test_a_count_is_labelled_in_the_singular_or_the_plural():
    from bot.conversation.check_turns import describe

    assert describe({"employees": "1", "approved_balance_sheets": "1"}, "it") == "1 dipendente, 1 bilancio approvato"
    assert describe({"employees": "25", "fairs.count": "2"}, "en") == "25 employees, 2 fairs"
