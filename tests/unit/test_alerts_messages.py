"""The words of an alert (bot/alerts/messages.py): figures only when computed, links only from the file."""
import datetime as dt

from bot.alerts.matching import Alert, Post, Wishes, alerts_for
from bot.alerts.messages import alert_message, deep_link, post_text, source
from bot.catalogue import Call, load_catalogue
from bot.profile import parse_profile
from bot.status import call_status

VNM = "verso-nuovi-mercati-2025"
CATALOGUE = load_catalogue()
FACTS = {"employees": 20, "turnover_eur": 3_000_000, "balance_sheet_eur": 2_000_000, "province": "BG",
         "export_share_pct": 20, "approved_balance_sheets": 3}


def _alert(facts) -> Alert:
    [alert] = alerts_for(CATALOGUE, parse_profile(facts), Wishes(call_ids=(VNM,)), dt.date(2025, 7, 1))
    return alert


def _edited(call: Call, **changes) -> Call:
    return Call(data={**call.data, **changes}, path=call.path)


def test_the_figures_are_given_only_when_the_engine_could_compute_them():
    without = alert_message(_alert(FACTS), "it", "telegram").text
    assert "Stima indicativa" not in without
    expenses = {"vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000}}
    assert "21.828,00\xa0€ a fondo perduto" in alert_message(_alert(FACTS | expenses), "it", "telegram").text


def test_an_official_page_in_the_call_file_is_the_link_given():
    call = _edited(CATALOGUE.get(VNM), links=[{"label": {"it": "Bando", "en": "Call"},
                                               "url": "https://www.bandi.regione.lombardia.it/vnm"}])
    assert source(call, "en") == "Official page: https://www.bandi.regione.lombardia.it/vnm"


def test_without_any_address_in_the_file_no_link_is_made_up():
    call = CATALOGUE.get(VNM)
    bare = _edited(call, sources={key: {"title": value["title"]} for key, value in call.data["sources"].items()})
    assert "http" not in source(bare, "it")


def test_the_closing_day_itself_is_told_as_the_last_day_today():
    call = CATALOGUE.get(VNM)
    text = post_text(Post(call, call_status(call, dt.date(2025, 9, 9)), "closes_in_1"), "en", "OrientaBot")
    assert text.startswith("Last day today: Verso Nuovi Mercati (Towards New Markets) 2025 closes on 9 September 2025.")


def test_a_call_id_too_long_for_telegrams_start_parameter_links_to_the_bot_alone():
    assert deep_link("OrientaBot", VNM) == f"https://t.me/OrientaBot?start={VNM}"
    assert deep_link("OrientaBot", "a" * 65) == "https://t.me/OrientaBot"
