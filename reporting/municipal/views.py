"""Views of the municipal reporting: they check access, call the service modules and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from gnv_portal import access, editing, workflow
from gnv_portal.confirm import confirm_and_submit
from gnv_portal.formatting import sv_date
from gnv_portal.models import ReportingYear, ResponseStatus, Role
from reporting.models import Answer, EconomicReport, Part, Questionnaire, Quote, SurveyResponse
from reporting.municipal import economy, exports, figures, followup, imports, questionnaires, quotes, reference_data
from reporting.municipal import survey_import as survey_import_service
from reporting.municipal.forms import (
    CopyQuestionnaireForm,
    EconomyForm,
    ImportForm,
    PrefillForm,
    QuoteForm,
    ReopenForm,
    SurveyForm,
    SurveyImportForm,
)

NOT_SAVED = _lazy("Det du skrev visas nedan men har inte sparats; kopiera det om du behöver det.")


def _year(year):
    return get_object_or_404(ReportingYear, year=year)


def _form_context(request, year, municipality, response, part):
    return {
        "year": year, "municipality": municipality, "response": response, "part": part,
        "status": ResponseStatus(
            economy.report_status(response) if part == Part.ECONOMY else workflow.status_of(response)),
        "history": workflow.history(response) if response is not None and response.pk else [],
        "is_rss": access.is_rss(request.user),
    }


# --- The municipality's forms ------------------------------------------------------------


def _posted_page(request, context, outcome, here, confirm):
    """A posted form after editing.post: on to the confirm page, back to the form, or shown again
    (with the submit-time or typing errors, or with both versions after a refused save)."""
    if outcome.ready:
        return redirect(confirm)
    if outcome.form is None:
        messages.success(request, _("Utkastet är sparat."))
        return redirect(here)
    if outcome.conflict is None:
        if request.POST.get("action") == "submit":
            messages.warning(request, _("Svaret kan inte skickas in ännu: se markeringarna. Det du fyllt i är sparat "
                                        "som utkast.") if outcome.row else _("Något behöver rättas, se markeringarna."))
        else:
            messages.warning(request, _("Det du fyllt i är sparat, men några svar behöver rättas (se markeringarna). "
                                        "De är kvar som du skrev dem."))
    context.update({"version": outcome.version, "conflict": outcome.conflict, "keep_url": here,
                    "base": outcome.base})
    return None


def _edit_page(request, *, row, locked, key, make_form, save, current, initial_for, here, confirm):
    """The page of a municipality's form (kommunenkät or economy): a redirect, or
    (form, row as shown, context, status). `make_form(data, submitting=False)` builds the form;
    without data, from the stored row."""
    extra, status = {"version": workflow.version_of(row)}, 200
    if request.method == "POST" and not locked:
        workflow.note_open(key, request.user)
        submitting = request.POST.get("action") == "submit"
        outcome = editing.post(make_form(request.POST), seen=workflow.seen_version(request.POST), save=save,
                               current=current, initial_for=initial_for,
                               final_form=make_form(request.POST, submitting=True) if submitting else None)
        page = _posted_page(request, extra, outcome, here, confirm)
        if page is not None:
            return page
        form, row, status = outcome.form, outcome.row, 409 if outcome.conflict else 200
    elif request.method == "POST":
        # Locked meanwhile (submitted in another tab, deadline passed): show what was typed, unsaved.
        messages.error(request, f"{locked} {NOT_SAVED}")
        form = make_form(request.POST)
        extra.update({"version": workflow.seen_version(request.POST), "base": editing.posted_base(request.POST)})
        status = 403
    elif row is not None and row.pending_input:
        form = make_form(row.pending_input)
        form.is_valid()
    else:
        form = make_form(None)
    if request.method == "GET":
        extra["base"] = editing.base_of(form)
        if locked:
            for field in form.fields.values():
                field.disabled = True
    if not locked:
        workflow.note_open(key, request.user)
    extra.update({"form": form, "locked": locked, "also_open": workflow.also_open(key, request.user)})
    return form, row, extra, status


@login_required
@require_http_methods(["GET", "POST"])
def survey(request, year, municipality_id):
    municipality = access.get_municipality_for_user(request, municipality_id, Role.SURVEY_RESPONDENT)
    year = _year(year)
    questionnaire = Questionnaire.objects.filter(year=year).first()
    if questionnaire is None:
        return render(request, "reporting/survey.html", {"year": year, "municipality": municipality,
                                                         "missing": True})
    response = questionnaires.response_for(questionnaire, municipality)
    questions = questionnaires.questions_of(questionnaire)

    def make_form(data, submitting=False):
        if data is None:
            initial = questionnaires.initial_values(questions, questionnaires.answers_of(response))
            return SurveyForm(initial=initial, questions=questions)
        return SurveyForm(data, questions=questions, submitting=submitting)

    page = _edit_page(
        request, row=response, locked=workflow.lock_reason(year, response, request.user),
        key=workflow.form_key("kommunenkat", year.year, municipality.pk), make_form=make_form,
        save=lambda form, seen: questionnaires.save_response(response, questionnaire, municipality, form,
                                                             request.user, seen),
        current=lambda: questionnaires.response_for(questionnaire, municipality),
        initial_for=lambda now: questionnaires.initial_values(questions, questionnaires.answers_of(now)),
        here=reverse("reporting:survey", args=[year.year, municipality.pk]),
        confirm=reverse("reporting:survey_confirm", args=[year.year, municipality.pk]),
    )
    if not isinstance(page, tuple):
        return page
    form, response, extra, status = page
    context = _form_context(request, year, municipality, response, Part.SURVEY)
    context.update({"questionnaire": questionnaire, "groups": form.grouped(
        questionnaires.sections_with_questions(questionnaire, questions)), **extra})
    return render(request, "reporting/survey.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def survey_confirm(request, year, municipality_id):
    """Review the stored kommunenkät, then submit exactly that version."""
    municipality = access.get_municipality_for_user(request, municipality_id, Role.SURVEY_RESPONDENT)
    year = _year(year)
    questionnaire = get_object_or_404(Questionnaire, year=year)
    response = questionnaires.response_for(questionnaire, municipality)
    here = reverse("reporting:survey", args=[year.year, municipality.pk])
    if response is None:
        return redirect(here)
    questions = questionnaires.questions_of(questionnaire)
    initial = questionnaires.initial_values(questions, questionnaires.answers_of(response))
    final = SurveyForm(response.pending_input or editing.as_data(initial), questions=questions, submitting=True)
    shown = SurveyForm(questions=questions)
    context = _form_context(request, year, municipality, response, Part.SURVEY)
    context.update({
        "locked": workflow.lock_reason(year, response, request.user), "questionnaire": questionnaire,
        "summary": [(section, editing.summary(shown, initial, [n for q in group for n in _field_names(shown, q)]))
                    for section, group in questionnaires.sections_with_questions(questionnaire, questions)],
    })
    return confirm_and_submit(
        request, response, context, "reporting/survey_confirm.html", here, lock_reason=context["locked"],
        missing=editing.problems(final), snapshot=questionnaires.snapshot,
        already=_("Kommunenkäten är redan inskickad."), done=_("Kommunenkäten är inskickad. Tack!"),
    )


def _field_names(form, question):
    name = questionnaires.field_name(question)
    return [name, name + "_annat"] if name + "_annat" in form.fields else [name]


def _economy_form(report, user, data=None, **kwargs):
    """The economy form for `user`: the amounts RSS entered are fixed for the municipality, with who did it."""
    fixed = economy.fixed_fields(report, user)
    entered_by = ""
    if fixed and report.prefilled_at:
        entered_by = f"{report.prefilled_by or '–'}, {sv_date(report.prefilled_at)}"
    return EconomyForm(data, initial=economy.snapshot(report) if report else {}, fixed=fixed, entered_by=entered_by,
                       **kwargs)


@login_required
@require_http_methods(["GET", "POST"])
def economy_form(request, year, municipality_id):
    municipality = access.get_municipality_for_user(request, municipality_id, Role.ECONOMY_RESPONDENT)
    year = _year(year)
    report = EconomicReport.objects.filter(year=year, municipality=municipality).first()
    page = _edit_page(
        request, row=report, locked=workflow.lock_reason(year, report, request.user),
        key=workflow.form_key("ekonomi", year.year, municipality.pk),
        make_form=lambda data, submitting=False: _economy_form(report, request.user, data, submitting=submitting),
        save=lambda form, seen: economy.save_report(report, year, municipality, form, request.user, seen),
        current=lambda: EconomicReport.objects.filter(year=year, municipality=municipality).first(),
        initial_for=lambda now: economy.snapshot(now) if now else {},
        here=reverse("reporting:economy", args=[year.year, municipality.pk]),
        confirm=reverse("reporting:economy_confirm", args=[year.year, municipality.pk]),
    )
    if not isinstance(page, tuple):
        return page
    form, report, extra, status = page
    context = _form_context(request, year, municipality, report, Part.ECONOMY)
    context.update({**extra, **_economy_figures(report or EconomicReport(year=year, municipality=municipality))})
    return render(request, "reporting/economy.html", context, status=status)


def _economy_figures(report):
    return {"available": economy.available(report.allocated, report.surplus),
            "unused": economy.unused(report.allocated, report.surplus, report.consumed)}


@login_required
@require_http_methods(["GET", "POST"])
def economy_confirm(request, year, municipality_id):
    """Review the stored economic report, then submit exactly that version."""
    municipality = access.get_municipality_for_user(request, municipality_id, Role.ECONOMY_RESPONDENT)
    year = _year(year)
    report = EconomicReport.objects.filter(year=year, municipality=municipality).first()
    here = reverse("reporting:economy", args=[year.year, municipality.pk])
    if report is None:
        return redirect(here)
    initial = economy.snapshot(report)
    final = _economy_form(report, request.user, report.pending_input or editing.as_data(initial), submitting=True)
    context = _form_context(request, year, municipality, report, Part.ECONOMY)
    context.update({"locked": workflow.lock_reason(year, report, request.user),
                    "summary": editing.summary(_economy_form(report, request.user), initial),
                    **_economy_figures(report)})
    return confirm_and_submit(
        request, report, context, "reporting/economy_confirm.html", here, lock_reason=context["locked"],
        missing=editing.problems(final), snapshot=economy.snapshot,
        already=_("Den ekonomiska redovisningen är redan inskickad."),
        done=_("Den ekonomiska redovisningen är inskickad. Tack!"),
    )


# --- RSS: follow-up ---------------------------------------------------------------------------


@access.rss_required
def overview(request, year):
    year = _year(year)
    rows = followup.completeness(year)
    return render(request, "reporting/overview.html", {
        "year": year, "rows": rows, "totals": followup.totals(rows), "parts": Part,
        "has_questionnaire": Questionnaire.objects.filter(year=year).exists(),
        "other_years": ReportingYear.objects.exclude(pk=year.pk),
    })


@access.rss_required
@require_POST
def reopen(request, year, part, municipality_id):
    year = _year(year)
    if part == Part.SURVEY:
        response = get_object_or_404(SurveyResponse, questionnaire__year=year, municipality_id=municipality_id)
    elif part == Part.ECONOMY:
        response = get_object_or_404(EconomicReport, year=year, municipality_id=municipality_id)
    else:
        raise PermissionDenied
    form = ReopenForm(request.POST)
    if form.is_valid() and response.status == ResponseStatus.SUBMITTED:
        workflow.reopen(response, request.user, form.cleaned_data["reason"])
        messages.success(request, _("%(m)s kan nu ändra svaret igen.") % {"m": response.municipality})
    else:
        messages.error(request, _("Ange varför svaret öppnas igen (bara inskickade svar kan öppnas)."))
    return redirect("reporting:overview", year.year)


@access.rss_required
def compilation(request, year):
    """Per question, every municipality's answer (drafts too, with their status)."""
    year = _year(year)
    get_object_or_404(Questionnaire, year=year)
    return render(request, "reporting/compilation.html",
                  {"year": year, "blocks": figures.answers_per_question(year, submitted_only=False)})


@access.rss_required
def figures_page(request, year):
    year = _year(year)
    previous = ReportingYear.objects.filter(year=year.year - 1, questionnaire__isnull=False).first()
    return render(request, "reporting/figures.html", {
        "year": year,
        "chart": figures.area_chart(year, csv_url=reverse("reporting:area_csv", args=[year.year])),
        "potential": figures.potential_counts(year),
        "previous": previous,
        "compared": figures.option_counts_compared(year, previous, figures.AREAS_KEY) if previous else [],
        "followed_up": figures.yes_count(year, "overgripande-uppfoljning"),
        "economy": figures.economy_table(year),
        "texts": figures.free_text_answers(year),
    })


# --- RSS: economy --------------------------------------------------------------------------


def _prefill_initial(municipalities, reports):
    initial = {}
    for m in municipalities:
        if m.pk in reports:
            initial[f"allocated_{m.pk}"] = reports[m.pk].allocated
            initial[f"surplus_{m.pk}"] = reports[m.pk].surplus
    return initial


@access.rss_required
@require_http_methods(["GET", "POST"])
def prefill(request, year):
    """RSS enters allocated and surplus for every municipality; each row carries the version it
    was shown from, so a municipality's or a colleague's newer save is compared, not overwritten."""
    year = _year(year)
    municipalities = sorted(economy.municipalities(), key=lambda m: figures.swedish_sort_key(m.name))
    reports = economy.reports_by_municipality(year)
    form = PrefillForm(request.POST or None, initial=_prefill_initial(municipalities, reports),
                       municipalities=municipalities)
    versions = {m.pk: workflow.version_of(reports.get(m.pk)) for m in municipalities}
    conflict = None
    if request.method == "POST":
        seen = {m.pk: workflow.seen_version({"version": request.POST.get(f"version_{m.pk}")})
                for m in municipalities}
        versions = seen
        if form.is_valid():
            try:
                changed = economy.prefill(year, form.amounts(), request.user, seen=seen)
            except workflow.Stale as stale:
                reports = economy.reports_by_municipality(year)
                names = [f"{part}_{m.pk}" for m in stale.args[0] for part in ("allocated", "surplus")]
                conflict = editing.conflict(form, _prefill_initial(municipalities, reports), None, names=names)
                versions = {**seen, **{m.pk: workflow.version_of(reports.get(m.pk)) for m in stale.args[0]}}
            else:
                messages.success(request, _("Beloppen är sparade (%(n)s kommuner ändrade).") % {"n": changed})
                return redirect("reporting:prefill", year.year)
        else:
            messages.error(request, _("Något behöver rättas, se markeringarna. Inget är sparat ännu."))
    rows = [(m, allocated, surplus, versions[m.pk]) for m, allocated, surplus in form.rows()]
    return render(request, "reporting/prefill.html", {
        "year": year, "form": form, "rows": rows, "conflict": conflict, "keep_url": request.path,
    }, status=409 if conflict else 200)


def _file_import(request, form_class, run_import, template, context):
    """An import page: the upload form, then the import's report (all or nothing) under it."""
    form = form_class(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = run_import(upload.read(), upload.name, user=request.user)
        if result.ok:
            messages.success(request, _("Importen är klar: %(summary)s") % {"summary": result.summary()})
        else:
            messages.error(request, _("Filen har fel; ingenting har sparats."))
    return render(request, template, {"form": form, "result": result, **context})


@access.rss_required
@require_http_methods(["GET", "POST"])
def economy_import(request):
    return _file_import(request, ImportForm, imports.import_economy, "reporting/import.html",
                        {"columns": imports.COLUMNS})


@access.rss_required
@require_http_methods(["GET", "POST"])
def survey_import(request):
    """Earlier years' kommunenkät: the portal's own Excel export or a long CSV."""
    return _file_import(request, SurveyImportForm, survey_import_service.import_survey,
                        "reporting/survey_import.html", {"columns": survey_import_service.CSV_COLUMNS})


# --- RSS: exports -----------------------------------------------------------------------------


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@access.rss_required
def export_excel(request, year):
    year = _year(year)
    return _download(exports.excel(year), f"kommunrapportering-{year.year}.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@access.rss_required
def export_csv(request, year, part):
    year = _year(year)
    if part == Part.SURVEY:
        text = exports.survey_csv(year)
    elif part == Part.ECONOMY:
        text = exports.economy_csv(year)
    else:
        raise PermissionDenied
    return _download("\ufeff" + text, f"{part}-{year.year}.csv", "text/csv; charset=utf-8")


@access.rss_required
def area_csv(request, year):
    year = _year(year)
    return _download("\ufeff" + exports.area_counts_csv(year), f"omraden-{year.year}.csv", "text/csv; charset=utf-8")


# --- RSS: quotes and questionnaires ---------------------------------------------------------------


@access.rss_required
def quote_list(request, year):
    year = _year(year)
    return render(request, "reporting/quotes.html", {"year": year, "texts": figures.free_text_answers(year)})


def _quote_initial(answer, quote):
    return {"quoted": quote is not None, "text": quote.text if quote else answer.text}


@access.rss_required
@require_http_methods(["GET", "POST"])
def quote_edit(request, year, answer_id):
    year = _year(year)
    answer = get_object_or_404(Answer.objects.select_related("question", "response__municipality"),
                               pk=answer_id, response__questionnaire__year=year)
    current = Quote.objects.filter(answer=answer).select_related("updated_by").first()
    form = QuoteForm(request.POST or None, initial=_quote_initial(answer, current))
    version = workflow.seen_version(request.POST) if request.method == "POST" else workflow.version_of(current)
    base = editing.posted_base(request.POST) if request.method == "POST" else editing.base_of(form)
    warnings, conflict = [], None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        text = data["text"] or answer.text
        warnings = quotes.personal_data_warnings(text) if data["quoted"] else []
        if warnings and not data["accept_warnings"]:
            form.add_error("accept_warnings", _("Kontrollera varningarna och bekräfta, eller ändra citatet."))
        else:
            try:
                quotes.set_quote(answer, quoted=data["quoted"], text=text, user=request.user, seen=version,
                                 order=current.order if current else 0)
            except workflow.Stale:
                current = Quote.objects.filter(answer=answer).first()
                conflict = editing.conflict(form, _quote_initial(answer, current), current)
                version, base = workflow.version_of(current), conflict.base
            else:
                messages.success(request, _("Citatet är sparat.") if data["quoted"] else _("Svaret citeras inte."))
                return redirect("reporting:quotes", year.year)
    elif request.method == "GET" and current:
        warnings = quotes.personal_data_warnings(current.text)
    return render(request, "reporting/quote_edit.html", {
        "year": year, "answer": answer, "form": form, "warnings": warnings, "version": version, "base": base,
        "quote": current, "conflict": conflict, "keep_url": request.path}, status=409 if conflict else 200)


@access.rss_required
@require_http_methods(["GET", "POST"])
def questionnaire_list(request):
    form = CopyQuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        try:
            if source is None:
                copy = reference_data.load_template(target)
            else:
                copy = questionnaires.copy_questionnaire(source.questionnaire, target)
        except ValueError as error:
            form.add_error("target", str(error))
        else:
            messages.success(request, _("Enkäten är kopierad till %(year)s. Redigera frågorna i administrationen.")
                             % {"year": copy.year.year})
            return redirect("reporting:questionnaires")
    items = Questionnaire.objects.select_related("year")
    return render(request, "reporting/questionnaires.html", {"form": form, "questionnaires": items})


@access.rss_required
def questionnaire_detail(request, year):
    """RSS checks the year's questions (with their keys) before opening the year; editing is in the admin."""
    year = _year(year)
    questionnaire = get_object_or_404(Questionnaire, year=year)
    return render(request, "reporting/questionnaire_detail.html", {
        "year": year, "questionnaire": questionnaire,
        "sections": questionnaires.sections_with_questions(questionnaire),
    })
