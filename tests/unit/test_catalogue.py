import datetime as dt

import pytest
import yaml

from bot.catalogue import CatalogueError, default_catalogue, load_catalogue
from tests.unit.call_files import edited

# The calls the chat talked about before the national measures and the chambers' calls joined.
CHAT_IDS = {
    "verso-nuovi-mercati-2025", "linea-internazionalizzazione-2019",
    "investimenti-ripresa-2021-artigiani", "investimenti-ripresa-2021-aree-interne",
    "fiere-internazionali-2020-2022", "fiere-internazionali-2024-2026",
    "fiere-internazionali-aggregate-2026-2027", "bando-export-2024",
}
# The measures of CURRENT_2026.md (issue 8): the chat answers about them from their files too.
MEASURE_IDS = {
    "simest-inserimento-mercati-esteri", "simest-transizione-digitale-ecologica", "simest-fiere-ed-eventi",
    "simest-e-commerce", "simest-certificazioni-consulenze", "simest-temporary-manager",
    "simest-america-centrale-meridionale", "simest-india", "simest-usa", "simest-condizioni-africa",
    "linea-internazionalizzazione-2021-2027", "connessi-2026", "mimit-buono-fiere-2025",
    "brescia-agef-2507-fiere-italia-2025", "brescia-agef-2508-fiere-lombardia-2025", "pro-brixia-voucher-2024",
    "bergamo-bando-fiere-2025", "sondrio-fiere-2025", "varese-fiere-2024", "como-lecco-fiere-2023",
    "piano-export-2025-export-su-misura",
}


def test_the_catalogue_holds_the_calls_and_the_measures():
    assert set(load_catalogue().ids()) == CHAT_IDS | MEASURE_IDS


def test_the_chat_talks_about_every_call_file():
    assert set(default_catalogue().ids()) == CHAT_IDS | MEASURE_IDS


def test_every_call_is_backed_by_sources_and_verified_on_a_date():
    for call in load_catalogue():
        assert call.data["sources"], call.id
        assert call.data["last_verified"], call.id
        assert all(criterion["sources"] for criterion in call.criteria), call.id


def test_links_are_never_guessed_addresses():
    # A link is only an official page the file cites as a source (FACTS.md found none for the
    # regional calls; CURRENT_2026.md gives a few simest.it and finlombarda.it pages).
    for call in load_catalogue():
        cited = {source.get("url") for source in call.data["sources"].values()}
        assert all(link["url"] in cited for link in call.data["links"]), call.id
    assert default_catalogue().get("verso-nuovi-mercati-2025").data["links"] == []


def test_an_advisor_adds_a_call_by_adding_a_file(calls_dir):
    source = yaml.safe_load((calls_dir / "bando-export-2024.yaml").read_text(encoding="utf-8"))
    source["id"] = "bando-export-2026"
    (calls_dir / "bando-export-2026.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    assert "bando-export-2026" in load_catalogue(calls_dir).ids()


def test_a_missing_field_names_the_file_and_the_field(calls_dir):
    path = calls_dir / "verso-nuovi-mercati-2025.yaml"
    edited(path, lambda d: d.pop("window"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.path == str(path)
    assert "window" in err.value.problem


def test_a_wrong_type_deep_in_the_file_names_its_path(calls_dir):
    edited(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["criteria"][2].update(limit="forty"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.2.limit"


def test_an_unknown_criterion_type_is_refused(calls_dir):
    edited(calls_dir / "bando-export-2024.yaml", lambda d: d["criteria"][0].update(type="vibes"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.0.type"


def test_a_source_not_listed_is_refused(calls_dir):
    edited(calls_dir / "bando-export-2024.yaml", lambda d: d["criteria"][0].update(sources=["hearsay"]))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.0.sources" and "hearsay" in err.value.problem


def test_a_figure_without_a_source_is_refused(calls_dir):
    edited(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["budget"].pop("sources"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "budget"


def test_a_window_closing_before_it_opens_is_refused(calls_dir):
    edited(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["window"].update(closes="2025-01-01"))
    with pytest.raises(CatalogueError, match="window.closes"):
        load_catalogue(calls_dir)


def test_an_impossible_date_is_refused(calls_dir):
    edited(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["window"].update(closes="2025-02-30"))
    with pytest.raises(CatalogueError, match="window.closes"):
        load_catalogue(calls_dir)


def test_the_file_name_must_be_the_call_id(calls_dir):
    (calls_dir / "verso-nuovi-mercati-2025.yaml").rename(calls_dir / "vnm.yaml")
    with pytest.raises(CatalogueError, match="id"):
        load_catalogue(calls_dir)


def test_broken_yaml_is_reported_not_crashed(calls_dir):
    (calls_dir / "bando-export-2024.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(calls_dir)


def test_funding_params_are_checked_by_their_model(calls_dir):
    edited(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["funding"]["params"].pop("grant_pct"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params" and "grant_pct" in err.value.problem


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogueError, match="no call files"):
        load_catalogue(tmp_path)


def test_editions_of_a_call_share_a_family():
    catalogue = load_catalogue()
    fairs = [call.id for call in catalogue if call.family == "fiere-internazionali"]
    assert fairs == ["fiere-internazionali-2020-2022", "fiere-internazionali-2024-2026",
                     "fiere-internazionali-aggregate-2026-2027"]
    assert catalogue.get("verso-nuovi-mercati-2025").family == "verso-nuovi-mercati"


def test_a_call_without_a_family_is_a_family_of_its_own(calls_dir):
    edited(calls_dir / "bando-export-2024.yaml", lambda data: data.pop("family"))
    assert load_catalogue(calls_dir).get("bando-export-2024").family == "bando-export-2024"


def test_a_family_name_is_checked_like_an_id(calls_dir):
    edited(calls_dir / "bando-export-2024.yaml", lambda data: data.update(family="Bando Export"))
    with pytest.raises(CatalogueError, match="family"):
        load_catalogue(calls_dir)


# The measures' sections: a bad file names the field.

def test_a_chamber_scope_must_name_a_known_chamber(calls_dir):
    edited(calls_dir / "connessi-2026.yaml", lambda d: d["scope"].update(chamber="atlantide"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "scope.chamber" and "atlantide" in err.value.problem


def test_a_chamber_call_must_check_the_firms_territory(calls_dir):
    edited(calls_dir / "connessi-2026.yaml", lambda d: d.update(criteria=d["criteria"][1:]))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria" and "chamber_territory" in err.value.problem


def test_a_chamber_territory_needs_a_chamber_scope(calls_dir):
    edited(calls_dir / "connessi-2026.yaml", lambda d: d["scope"].update(level="regional") or d["scope"].pop("chamber"))
    with pytest.raises(CatalogueError, match="scope.level chamber"):
        load_catalogue(calls_dir)


def test_every_call_states_its_scope(calls_dir):
    edited(calls_dir / "simest-india.yaml", lambda d: d.pop("scope"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "" and "scope" in err.value.problem


def test_a_condition_is_not_a_criterion_of_the_call_itself(calls_dir):
    condition = {"id": "south", "type": "condition", "text": {"it": "al Sud", "en": "in the South"}, "sources": ["export-gov"]}
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["criteria"].append(condition))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.3.type" and "conditions" in err.value.problem


def test_a_rolling_window_has_no_closing_date(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["window"].update(closes="2027-01-01"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "window.closes"


def test_revenue_capped_loan_params_are_checked_by_the_schema(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["funding"]["params"].pop("revenue_cap_pct"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params" and "revenue_cap_pct" in err.value.problem


def test_a_grant_share_over_100_percent_names_its_tier(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["funding"]["params"]["grant_share"]["tiers"][0].update(pct=110))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params.grant_share.tiers.0.pct"


def test_grant_share_tiers_go_from_the_lowest_share_up(calls_dir):
    edited(calls_dir / "simest-transizione-digitale-ecologica.yaml",
         lambda d: d["funding"]["params"]["grant_share"]["tiers"].reverse())
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params" and "lowest" in err.value.problem


def test_a_grant_route_of_an_unknown_certification_is_refused(calls_dir):
    def change(d):
        route = d["funding"]["params"]["grant_share"]["tiers"][0]["routes"][1]["options"][1]
        route["values"] = ["iso_9001"]
    edited(calls_dir / "simest-e-commerce.yaml", change)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params.grant_share.tiers.0.routes.1.options.1.values.0"


def test_the_reference_rate_must_say_when_it_was_read(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["loan"]["rate_basis"].pop("read_on"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "loan.rate_basis" and "read_on" in err.value.problem


def test_the_reference_rate_share_must_be_one_of_its_options(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["loan"]["rate_basis"].update(share_pct=30))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "loan.rate_basis.share_pct"


def test_an_unknown_amortisation_is_refused(calls_dir):
    edited(calls_dir / "simest-e-commerce.yaml", lambda d: d["loan"].update(amortisation="balloon"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "loan.amortisation"


def test_last_verified_is_required_and_a_date(calls_dir):
    edited(calls_dir / "simest-usa.yaml", lambda d: d.update(last_verified="recently"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "last_verified"


# Staleness: the chat says when a call was checked over six months ago.

def test_a_call_is_stale_six_months_after_it_was_last_verified():
    from bot.catalogue import full_catalogue, is_stale

    call = full_catalogue().get("simest-fiere-ed-eventi")  # last verified 2026-12-01
    assert not is_stale(call, dt.date(2026, 12, 2))
    assert not is_stale(call, dt.date(2027, 6, 1))
    assert is_stale(call, dt.date(2027, 6, 2))


def test_six_months_after_the_31st_is_the_end_of_the_shorter_month(calls_dir):
    from bot.catalogue import is_stale

    edited(calls_dir / "simest-usa.yaml", lambda d: d.update(last_verified="2026-08-31"))
    call = load_catalogue(calls_dir).get("simest-usa")
    assert not is_stale(call, dt.date(2027, 2, 28)) and is_stale(call, dt.date(2027, 3, 1))


def test_no_call_is_stale_on_the_projects_today():
    from bot.catalogue import full_catalogue, is_stale

    assert [call.id for call in full_catalogue() if is_stale(call, dt.date(2026, 12, 2))] == []
