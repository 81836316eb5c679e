"""Many profiles assessed in one go: a CSV with one firm per row, its columns named by the
profile's facts (bot/flat_profile.py) plus an optional `firm` (or `impresa`) column.

The separator is read from the header (`;` as Italian Excel writes it, or `,`); a byte-order
mark is ignored. The result is one row per firm and call; a firm whose facts cannot be used
gets one row naming the field instead, so a bad line never stops the others.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from bot.assess import assess
from bot.catalogue import Catalogue
from bot.flat_profile import FLAT_FACTS, flat_to_profile
from bot.profile import ProfileError

NAME_COLUMNS = ("firm", "impresa")
RESULT_COLUMNS = ("row", "firm", "call", "status", "eligible", "total_eligible", "grant", "loan",
                  "own_contribution", "missing", "error")
MAX_ROWS = 2000


class BatchError(ValueError):
    pass


@dataclass(frozen=True)
class BatchRow:
    row: int
    firm: str
    call: str = ""
    status: str = ""
    eligible: bool | None = None
    total_eligible: object = None
    grant: object = None
    loan: object = None
    own_contribution: object = None
    missing: str = ""
    error: str = ""

    def cells(self) -> tuple:
        eligible = "" if self.error else {True: "yes", False: "no", None: "unknown"}[self.eligible]
        return (self.row, self.firm, self.call, self.status, eligible, self.total_eligible, self.grant, self.loan,
                self.own_contribution, self.missing, self.error)


def read_rows(text: str) -> list[dict[str, str]]:
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames:
        raise BatchError("the file is empty: its first line must name the columns")
    names = [n.strip() for n in reader.fieldnames]
    unknown = [n for n in names if n and n not in FLAT_FACTS and n not in NAME_COLUMNS]
    if unknown:
        raise BatchError(f"unknown column {unknown[0]!r} (known: {', '.join(NAME_COLUMNS + FLAT_FACTS)})")
    rows = [{(k or "").strip(): v for k, v in row.items() if k} for row in reader]
    if len(rows) > MAX_ROWS:
        raise BatchError(f"more than {MAX_ROWS} firms in one file")
    return rows


def assess_rows(rows: list[dict[str, str]], today: dt.date | None = None,
                catalogue: Catalogue | None = None) -> list[BatchRow]:
    results = []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        firm = next((row[c].strip() for c in NAME_COLUMNS if row.get(c)), f"row {number}")
        facts = {k: v for k, v in row.items() if k not in NAME_COLUMNS}
        try:
            profile = flat_to_profile(facts)
        except ProfileError as err:
            results.append(BatchRow(number, firm, error=str(err)))
            continue
        for verdict in assess(profile, today=today, catalogue=catalogue).verdicts:
            f = verdict.funding
            results.append(BatchRow(number, firm, verdict.call.id, verdict.status.status, verdict.eligible,
                                    f.total_eligible if f else None, f.grant if f else None, f.loan if f else None,
                                    f.own_contribution if f else None, " ".join(verdict.missing)))
    return results


def to_csv(results: list[BatchRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    writer.writerows(["" if cell is None else cell for cell in r.cells()] for r in results)
    return out.getvalue()
