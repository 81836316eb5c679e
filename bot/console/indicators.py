"""The network's indicators, counted from the store: how many SMEs were assisted, matched to an
eligible call, handed off to a desk, contacted, applied and funded; by week, channel, desk and
language. An advisor counts their desk's enquiries, an admin every desk's.

Definitions (also on the page):
- assisted: an enquiry was stored (the chat checked the firm's facts);
- matched: the check told the firm it is eligible for at least one call;
- handed off: it reached a desk with the firm's consent to be contacted;
- contacted: an advisor moved it past "new" (console_followups.contacted_at);
- applied: closed with outcome "applied" or "funded"; funded: closed with outcome "funded".
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.models import ConsoleUser, FollowUp
from bot.console.queue import stored_calls
from bot.store.models import Enquiry

METRICS = ("assisted", "matched", "handed_off", "contacted", "applied", "funded")
LABELS = {"assisted": "PMI assistite", "matched": "idonee a un bando", "handed_off": "passate allo sportello",
          "contacted": "contattate", "applied": "domanda presentata", "funded": "finanziate"}
DIMENSIONS = ("week", "channel", "desk", "language")
DIMENSION_LABELS = {"week": "settimana", "channel": "canale", "desk": "sportello", "language": "lingua"}


@dataclass(frozen=True)
class Indicators:
    totals: dict[str, int]
    by: dict[str, dict[str, dict[str, int]]]  # dimension -> value -> metric -> count

    def rows(self):
        """(dimension, value, metric counts...) lines: the whole and each breakdown, for the CSV."""
        yield ("totale", "", *(self.totals[m] for m in METRICS))
        for dimension in DIMENSIONS:
            for value, counts in sorted(self.by[dimension].items()):
                yield (DIMENSION_LABELS[dimension], value, *(counts[m] for m in METRICS))


def reached(enquiry: Enquiry, followup: FollowUp | None) -> dict[str, bool]:
    outcome = followup.outcome if followup else None
    return {
        "assisted": True,
        "matched": any(c.get("eligible") is True for c in stored_calls(enquiry)),
        "handed_off": enquiry.desk_id is not None and enquiry.consent,
        "contacted": followup is not None and followup.contacted_at is not None,
        "applied": outcome in ("applied", "funded"),
        "funded": outcome == "funded",
    }


def indicators(session: Session, user: ConsoleUser) -> Indicators:
    query = select(Enquiry, FollowUp).outerjoin(FollowUp, FollowUp.enquiry_id == Enquiry.id)
    if not user.is_admin:
        query = query.where(Enquiry.desk_id == user.desk_id)
    totals = dict.fromkeys(METRICS, 0)
    by = {d: defaultdict(lambda: dict.fromkeys(METRICS, 0)) for d in DIMENSIONS}
    for enquiry, followup in session.execute(query):
        year, week, _ = enquiry.created_at.isocalendar()
        keys = {"week": f"{year}-W{week:02d}", "channel": enquiry.channel, "desk": enquiry.desk_id or "nessuno",
                "language": enquiry.language}
        for metric, yes in reached(enquiry, followup).items():
            if yes:
                totals[metric] += 1
                for dimension, key in keys.items():
                    by[dimension][key][metric] += 1
        for dimension, key in keys.items():
            by[dimension][key]  # a value with no hits still shows as a row of zeros
    return Indicators(totals, {d: dict(v) for d, v in by.items()})
