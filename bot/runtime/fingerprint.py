"""A model is named after what it was trained from, so an unchanged project reuses it."""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

MODEL_PREFIX = "orienta-"
TRAINING_INPUTS = ("config.yml", "domain.yml")
TRAINING_DATA_DIR = "data"


def training_files(root: Path) -> list[Path]:
    """Every file a training reads, in a stable order."""
    files = [root / name for name in TRAINING_INPUTS]
    files += sorted(p for p in (root / TRAINING_DATA_DIR).rglob("*") if p.is_file())
    return files


def fingerprint(root: Path) -> str:
    """Hash of the training inputs and the Rasa version (a model only loads in the version that made it)."""
    digest = hashlib.sha256()
    digest.update(f"rasa=={metadata.version('rasa')}\0".encode())
    for path in training_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def model_path(root: Path, models_dir: Path | None = None) -> Path:
    """Where the model for the current inputs lives (models/orienta-<hash>.tar.gz), trained or not."""
    return (models_dir or root / "models") / f"{MODEL_PREFIX}{fingerprint(root)}.tar.gz"
