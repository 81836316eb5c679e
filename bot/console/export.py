"""CSV that Italian Excel opens as it is: UTF-8 with a byte-order mark (else Excel reads it as
Windows-1252), `;` between fields (Italian Excel's list separator, since `,` is the decimal
sign) and decimal commas."""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Iterable, Sequence

from bot.console.queue import Row, investment, stored_calls

BOM = "\ufeff"
QUEUE_COLUMNS = ("riferimento", "ricevuta_utc", "canale", "lingua", "sportello", "stato", "esito", "priorita",
                 "impresa", "referente", "email", "telefono", "provincia", "dipendenti", "investimento_eur",
                 "bandi_idonei")


def decimal_comma(value) -> str:
    """A number as Italian Excel reads it: 1234,5 (no thousands separator, which it would misread)."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    text = format(number, "f")
    return text.replace(".", ",")


def excel_csv(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else _safe(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _safe(cell) -> str:
    # A text cell starting with = + - @ would run as a formula in Excel: quote it as text.
    text = str(cell)
    return "'" + text if isinstance(cell, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def queue_csv(rows: list[Row]) -> bytes:
    def line(row: Row):
        e, p = row.enquiry, row.enquiry.profile or {}
        eligible = ",".join(c["id"] for c in stored_calls(e) if c.get("eligible") is True)
        return (e.reference, e.created_at.strftime("%Y-%m-%d %H:%M"), e.channel, e.language, e.desk_id, row.status,
                row.outcome, row.priority, e.company, e.contact_name, e.contact_email, e.contact_phone,
                p.get("province"), p.get("employees"), decimal_comma(investment(p)), eligible)

    return excel_csv(QUEUE_COLUMNS, (line(row) for row in rows))
