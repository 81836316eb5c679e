import shutil
from pathlib import Path

import pytest
import yaml

from bot.catalogue import CALLS_DIR, CatalogueError, default_catalogue, load_catalogue

# The calls the chat talks about.
CHAT_IDS = {
    "verso-nuovi-mercati-2025", "linea-internazionalizzazione-2019",
    "investimenti-ripresa-2021-artigiani", "investimenti-ripresa-2021-aree-interne",
    "fiere-internazionali-2020-2022", "fiere-internazionali-2024-2026",
    "fiere-internazionali-aggregate-2026-2027", "bando-export-2024",
}
# The measures of CURRENT_2026.md (issue 8), judged by the advisor command line and bot.measures;
# kept out of the chat (in_chat: false) until the dialogue can ask their facts.
MEASURE_IDS = {
    "simest-inserimento-mercati-esteri", "simest-transizione-digitale-ecologica", "simest-fiere-ed-eventi",
    "simest-e-commerce", "simest-certificazioni-consulenze", "simest-temporary-manager",
    "simest-america-centrale-meridionale", "simest-india", "simest-usa", "simest-condizioni-africa",
    "linea-internazionalizzazione-2021-2027", "connessi-2026", "mimit-buono-fiere-2025",
    "brescia-agef-2507-fiere-italia-2025", "brescia-agef-2508-fiere-lombardia-2025", "pro-brixia-voucher-2024",
    "bergamo-bando-fiere-2025", "sondrio-fiere-2025", "varese-fiere-2024", "como-lecco-fiere-2023",
    "piano-export-2025-export-su-misura",
}


@pytest.fixture
def calls_dir(tmp_path):
    """A copy of the real catalogue an advisor can edit."""
    target = tmp_path / "calls"
    shutil.copytree(CALLS_DIR, target)
    return target


def edit(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_catalogue_holds_the_calls_and_the_measures():
    assert set(load_catalogue().ids()) == CHAT_IDS | MEASURE_IDS


def test_the_chat_talks_about_the_eight_calls_it_can_ask_facts_for():
    assert set(default_catalogue().ids()) == CHAT_IDS


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
    edit(path, lambda d: d.pop("window"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.path == str(path)
    assert "window" in err.value.problem


def test_a_wrong_type_deep_in_the_file_names_its_path(calls_dir):
    edit(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["criteria"][2].update(limit="forty"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.2.limit"


def test_an_unknown_criterion_type_is_refused(calls_dir):
    edit(calls_dir / "bando-export-2024.yaml", lambda d: d["criteria"][0].update(type="vibes"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.0.type"


def test_a_source_not_listed_is_refused(calls_dir):
    edit(calls_dir / "bando-export-2024.yaml", lambda d: d["criteria"][0].update(sources=["hearsay"]))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "criteria.0.sources" and "hearsay" in err.value.problem


def test_a_figure_without_a_source_is_refused(calls_dir):
    edit(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["budget"].pop("sources"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "budget"


def test_a_window_closing_before_it_opens_is_refused(calls_dir):
    edit(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["window"].update(closes="2025-01-01"))
    with pytest.raises(CatalogueError, match="window.closes"):
        load_catalogue(calls_dir)


def test_an_impossible_date_is_refused(calls_dir):
    edit(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["window"].update(closes="2025-02-30"))
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
    edit(calls_dir / "verso-nuovi-mercati-2025.yaml", lambda d: d["funding"]["params"].pop("grant_pct"))
    with pytest.raises(CatalogueError) as err:
        load_catalogue(calls_dir)
    assert err.value.field == "funding.params" and "grant_pct" in err.value.problem


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogueError, match="no call files"):
        load_catalogue(tmp_path)
