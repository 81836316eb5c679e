"""The indicators page (funnel and breakdowns as SVG charts) and the same figures as CSV."""
from __future__ import annotations

from sanic import Blueprint, response

from bot.console import accounts
from bot.console.charts import bars
from bot.console.export import excel_csv
from bot.console.indicators import DIMENSION_LABELS, DIMENSIONS, LABELS, METRICS, indicators
from bot.console.web import render

bp = Blueprint("reports")


def _figures(request):
    with request.app.ctx.sessions() as session:
        return indicators(session, request.ctx.user)


@bp.get("/indicators")
async def indicators_page(request):
    figures = _figures(request)
    funnel = bars("Percorso delle richieste", [(LABELS[m], figures.totals[m]) for m in METRICS], colour_by_index=True)
    charts = [bars(f"{LABELS[metric][0].upper()}{LABELS[metric][1:]} per {DIMENSION_LABELS[d]}",
                   [(key, counts[metric]) for key, counts in sorted(figures.by[d].items())])
              for d in DIMENSIONS for metric in ("assisted", "handed_off")]
    return render(request, "indicators.html", figures=figures, funnel=funnel, charts=charts, metrics=METRICS,
                  labels=LABELS, dimensions=DIMENSIONS, dimension_labels=DIMENSION_LABELS)


@bp.get("/indicators.csv")
async def indicators_csv(request):
    figures = _figures(request)
    with request.app.ctx.sessions.begin() as session:
        accounts.audit(session, request.ctx.user, "export_indicators")
    body = excel_csv(("dimensione", "valore", *METRICS), figures.rows())
    return response.raw(body, content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="indicatori.csv"'})
