"""A model is reused exactly when its training inputs did not change."""
import shutil
from pathlib import Path

import pytest

from bot.runtime.fingerprint import fingerprint, model_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("config.yml", "domain.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_the_same_inputs_give_the_same_model_name(project):
    assert model_path(project) == model_path(project)
    assert model_path(project).name == f"orienta-{fingerprint(ROOT)}.tar.gz"


def test_a_changed_training_example_gives_a_new_model_name(project):
    before = fingerprint(project)
    nlu = project / "data" / "nlu.yml"
    nlu.write_text(nlu.read_text() + "\n      - salve a tutti\n")
    assert fingerprint(project) != before


def test_a_new_data_file_gives_a_new_model_name(project):
    before = fingerprint(project)
    (project / "data" / "extra.yml").write_text('version: "3.1"\n')
    assert fingerprint(project) != before


def test_files_outside_the_training_inputs_do_not_matter(project):
    before = fingerprint(project)
    (project / "README.md").write_text("changed")
    assert fingerprint(project) == before
