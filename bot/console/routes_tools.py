"""The advisor's tools: the quick assessment of a phone enquiry (saved, if wanted, as an enquiry
of their desk) and the assessment of a CSV of profiles in one go. Same engine and validation
as `python -m bot assess` and `python -m bot assess-batch`."""
from __future__ import annotations

from sanic import Blueprint, response

from bot import texts
from bot.assess import assess
from bot.batch import RESULT_COLUMNS, BatchError, assess_rows, read_rows
from bot.console import accounts
from bot.console.export import decimal_comma, excel_csv
from bot.flat_profile import BOOLEAN_FACTS, FLAT_FACTS, field_errors, flat_to_profile
from bot.console.web import render
from bot.store.enquiries import EnquiryError, create_enquiry, profile_snapshot

bp = Blueprint("tools")
CONTACT_FIELDS = ("company", "contact_name", "contact_email", "contact_phone", "message")
MAX_UPLOAD = 1_000_000


def _labels() -> dict[str, str]:
    return {key: texts.t("it", f"answers.label.{key}") for key in FLAT_FACTS}


def _form_facts(form) -> dict[str, str]:
    return {key: (form.get(key) or "").strip()[:100] for key in FLAT_FACTS}


def _page(request, status=200, facts=None, errors=None, result=None, batch=None, batch_error=None, save_error=None,
          contact=None):
    return render(request, "assess.html", status=status, facts=facts or {}, errors=errors or {}, result=result,
                  labels=_labels(), fields=FLAT_FACTS, booleans=BOOLEAN_FACTS, batch=batch, batch_error=batch_error,
                  save_error=save_error, contact=contact or {}, today=request.app.ctx.config.today())


def _judge(request, facts):
    errors = field_errors(facts)
    if errors:
        return errors, None
    return {}, assess(flat_to_profile(facts), today=request.app.ctx.config.today(), catalogue=request.app.ctx.catalogue)


@bp.get("/assess")
async def assess_form(request):
    return _page(request)


@bp.post("/assess")
async def assess_facts(request):
    facts = _form_facts(request.form)
    errors, result = _judge(request, facts)
    return _page(request, status=400 if errors else 200, facts=facts, errors=errors, result=result)


@bp.post("/assess/save")
async def save_assessment(request):
    form, user = request.form, request.ctx.user
    facts = _form_facts(form)
    contact = {k: (form.get(k) or "").strip() for k in CONTACT_FIELDS}
    errors, result = _judge(request, facts)
    if errors:
        return _page(request, status=400, facts=facts, errors=errors, contact=contact)
    desk = user.desk_id if not user.is_admin else (result.desk().id if result.desk() else None)
    consent = form.get("consent") == "yes"
    language = form.get("language") if form.get("language") in texts.LANGUAGES else "it"
    verdicts = {"today": result.today.isoformat(), "scope": "all",
                "calls": [{"id": v.call.id, "status": v.status.status, "eligible": v.eligible} for v in result.verdicts]}
    try:
        with request.app.ctx.sessions.begin() as session:
            enquiry = create_enquiry(session, channel="console", language=language, profile=profile_snapshot(result.profile),
                                     verdicts=verdicts, desk_id=desk, consent=consent,
                                     **({k: v or None for k, v in contact.items()} if consent else {}))
            accounts.audit(session, user, "created", enquiry.id, {"channel": "console"})
            reference = enquiry.reference
    except EnquiryError as err:
        return _page(request, status=400, facts=facts, result=result, save_error=err, contact=contact)
    return response.redirect(f"/enquiry/{reference}", status=303)


def _batch_rows(request):
    """The assessed rows of the uploaded CSV, or the page that says what is wrong with it."""
    upload = request.files.get("file")
    if upload is None or not upload.body:
        return _page(request, status=400, batch_error="Scegliete un file CSV.")
    if len(upload.body) > MAX_UPLOAD:
        return _page(request, status=400, batch_error=f"Il file supera {MAX_UPLOAD} byte.")
    try:
        rows = read_rows(upload.body.decode("utf-8"))
    except UnicodeDecodeError:
        return _page(request, status=400, batch_error="Il file non è in UTF-8 (in Excel: Salva come, CSV UTF-8).")
    except BatchError as err:
        return _page(request, status=400, batch_error=str(err))
    return assess_rows(rows, today=request.app.ctx.config.today(), catalogue=request.app.ctx.catalogue)


@bp.post("/assess/batch")
async def assess_batch(request):
    rows = _batch_rows(request)
    return _page(request, batch=rows) if isinstance(rows, list) else rows


@bp.post("/assess/batch.csv")
async def assess_batch_csv(request):
    rows = _batch_rows(request)
    if not isinstance(rows, list):
        return rows
    money = {5, 6, 7, 8}  # total_eligible, grant, loan, own_contribution

    def cells(row):
        return [decimal_comma(v) if i in money else v for i, v in enumerate(row.cells())]

    return response.raw(excel_csv(RESULT_COLUMNS, (cells(r) for r in rows)), content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="valutazioni.csv"'})
