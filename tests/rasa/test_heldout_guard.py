"""The held-out corpora (../shared/eval, when it is there, as in CI) stay out of the training data
and of the project's own corpus: a sentence of theirs, or a close variant, in data/ or in
tests/corpus/ fails this test. They measure how Orienta reads people it has not seen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
SIMILAR = 90  # rapidfuzz ratio (0-100) from which two sentences are the same sentence reworded

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="the held-out corpora are not on this machine")


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\](?:\{[^}]*\}|\([^)]*\))", r"\1", text)  # Rasa entity annotations
    return " ".join(re.sub(r"[^\w%€]+", " ", text.casefold()).split())


def _heldout() -> list[str]:
    found = [item["text"] for item in yaml.safe_load((EVAL / "questions.yaml").read_text(encoding="utf-8"))]
    for persona in yaml.safe_load((EVAL / "personas.yaml").read_text(encoding="utf-8")):
        found.append(persona["opening"])
        found += persona.get("then", [])
        found += [value for value in persona.get("facts", {}).values() if len(str(value).split()) >= 5]
    return [_plain(text) for text in found]


def _texts(node):
    """Every string in a corpus file (texts, openings, answers), however nested."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


def _ours() -> list[tuple[str, str]]:
    lines = []
    for path in (ROOT / "data").glob("*.yml"):
        lines += [(path.name, line.strip().lstrip("-").strip()) for line in path.read_text(encoding="utf-8").splitlines()]
    for path in (ROOT / "tests" / "corpus").glob("*.yaml"):
        lines += [(path.name, text) for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))]
    plain = [(name, _plain(text)) for name, text in lines]
    return [(name, text) for name, text in plain if len(text.split()) >= 4]


def test_no_held_out_sentence_is_in_the_training_data_or_our_corpus():
    heldout = _heldout()
    copied = []
    for name, ours in _ours():
        for theirs in heldout:
            if ours == theirs or fuzz.ratio(ours, theirs) >= SIMILAR or (len(theirs) > 30 and theirs in ours):
                copied.append(f"{name}: {ours!r} ~ {theirs!r}")
    assert not copied, "held-out sentences copied:\n" + "\n".join(copied[:20])
