"""Views of the municipal reporting: they check access, call the service modules and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from gnv_portal import access, workflow
from gnv_portal.models import ReportingYear, ResponseStatus, Role
from reporting.models import Answer, EconomicReport, Part, Questionnaire, SurveyResponse
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
    sections = questionnaires.sections_with_questions(questionnaire, questions)
    locked = workflow.lock_reason(year, response, request.user)
    submitting = request.POST.get("action") == "submit"
    if request.method == "POST" and not locked:
        form = SurveyForm(request.POST, questions=questions, submitting=submitting)
        if form.is_valid():
            with transaction.atomic():
                response, _created = SurveyResponse.objects.get_or_create(
                    questionnaire=questionnaire, municipality=municipality, defaults={"updated_by": request.user})
                questionnaires.save_answers(response, questions, form.cleaned_data)
                snapshot = questionnaires.snapshot(response)
                if submitting:
                    workflow.submit(response, request.user, snapshot)
                else:
                    workflow.mark_saved(response, request.user, snapshot)
            messages.success(request, _("Kommunenkäten är inskickad. Tack!") if submitting
                             else _("Utkastet är sparat."))
            return redirect("reporting:survey", year.year, municipality.pk)
        if submitting and _save_survey_draft(request, questionnaire, municipality, questions):
            response = questionnaires.response_for(questionnaire, municipality)
            messages.warning(request, _("Svaren är sparade som utkast men kunde inte skickas in: se markeringarna."))
        else:
            messages.error(request, _("Något behöver rättas, se markeringarna vid frågorna. Inget är sparat ännu."))
        status = 200
    elif request.method == "POST":
        # Locked meanwhile (submitted in another tab, deadline passed): show what was typed, unsaved.
        messages.error(request, f"{locked} {NOT_SAVED}")
        form = SurveyForm(request.POST, questions=questions)
        status = 403
    else:
        form = SurveyForm(initial=questionnaires.initial_values(questions, questionnaires.answers_of(response)),
                          questions=questions)
        status = 200
    if locked and request.method == "GET":
        for field in form.fields.values():
            field.disabled = True
    context = _form_context(request, year, municipality, response, Part.SURVEY)
    context.update({"questionnaire": questionnaire, "form": form, "groups": form.grouped(sections),
                    "locked": locked})
    return render(request, "reporting/survey.html", context, status=status)


def _save_survey_draft(request, questionnaire, municipality, questions):
    """A submit that failed only on what submitting needs keeps the answers as a draft."""
    draft = SurveyForm(request.POST, questions=questions)
    if not draft.is_valid():
        return False
    with transaction.atomic():
        response, _created = SurveyResponse.objects.get_or_create(
            questionnaire=questionnaire, municipality=municipality, defaults={"updated_by": request.user})
        questionnaires.save_answers(response, questions, draft.cleaned_data)
        workflow.mark_saved(response, request.user, questionnaires.snapshot(response))
    return True


@login_required
@require_http_methods(["GET", "POST"])
def economy_form(request, year, municipality_id):
    municipality = access.get_municipality_for_user(request, municipality_id, Role.ECONOMY_RESPONDENT)
    year = _year(year)
    report = EconomicReport.objects.filter(year=year, municipality=municipality).first()
    locked = workflow.lock_reason(year, report, request.user)
    fixed = bool(report and report.allocated is not None and report.surplus is not None
                 and not access.is_rss(request.user))
    initial = economy.snapshot(report) if report else {}
    submitting = request.POST.get("action") == "submit"
    status = 200
    if request.method == "POST" and not locked:
        form = EconomyForm(request.POST, initial=initial, submitting=submitting, fixed_amounts=fixed)
        if form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                report, _created = EconomicReport.objects.get_or_create(
                    year=year, municipality=municipality, defaults={"updated_by": request.user})
                for name in ("allocated", "surplus", "consumed", "comment", "overspend_confirmed"):
                    setattr(report, name, data[name])
                if not economy.overspent(report.allocated, report.surplus, report.consumed):
                    report.overspend_confirmed = False
                report.save()
                if submitting:
                    workflow.submit(report, request.user, economy.snapshot(report))
                else:
                    workflow.mark_saved(report, request.user, economy.snapshot(report))
            messages.success(request, _("Den ekonomiska redovisningen är inskickad. Tack!") if submitting
                             else _("Utkastet är sparat."))
            return redirect("reporting:economy", year.year, municipality.pk)
        messages.error(request, _("Något behöver rättas, se markeringarna vid fälten. Inget är sparat ännu."))
    elif request.method == "POST":
        messages.error(request, f"{locked} {NOT_SAVED}")
        form = EconomyForm(request.POST, initial=initial, fixed_amounts=fixed)
        status = 403
    else:
        form = EconomyForm(initial=initial, fixed_amounts=fixed)
    if locked and request.method == "GET":
        for field in form.fields.values():
            field.disabled = True
    context = _form_context(request, year, municipality, report, Part.ECONOMY)
    shown = report or EconomicReport(year=year, municipality=municipality)
    context.update({
        "form": form, "locked": locked,
        "available": economy.available(shown.allocated, shown.surplus),
        "unused": economy.unused(shown.allocated, shown.surplus, shown.consumed),
    })
    return render(request, "reporting/economy.html", context, status=status)


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


@access.rss_required
@require_http_methods(["GET", "POST"])
def prefill(request, year):
    year = _year(year)
    municipalities = sorted(economy.municipalities(), key=lambda m: figures.swedish_sort_key(m.name))
    reports = economy.reports_by_municipality(year)
    initial = {}
    for m in municipalities:
        if m.pk in reports:
            initial[f"allocated_{m.pk}"] = reports[m.pk].allocated
            initial[f"surplus_{m.pk}"] = reports[m.pk].surplus
    form = PrefillForm(request.POST or None, initial=initial, municipalities=municipalities)
    if request.method == "POST":
        if form.is_valid():
            changed = economy.prefill(year, form.amounts(), request.user)
            messages.success(request, _("Beloppen är sparade (%(n)s kommuner ändrade).") % {"n": changed})
            return redirect("reporting:prefill", year.year)
        messages.error(request, _("Något behöver rättas, se markeringarna. Inget är sparat ännu."))
    return render(request, "reporting/prefill.html", {"year": year, "form": form})


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


@access.rss_required
@require_http_methods(["GET", "POST"])
def quote_edit(request, year, answer_id):
    year = _year(year)
    answer = get_object_or_404(Answer.objects.select_related("question", "response__municipality"),
                               pk=answer_id, response__questionnaire__year=year)
    current = getattr(answer, "quote", None)
    initial = {"quoted": current is not None, "text": current.text if current else answer.text}
    form = QuoteForm(request.POST or None, initial=initial)
    warnings = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        text = data["text"] or answer.text
        warnings = quotes.personal_data_warnings(text) if data["quoted"] else []
        if warnings and not data["accept_warnings"]:
            form.add_error("accept_warnings", _("Kontrollera varningarna och bekräfta, eller ändra citatet."))
        else:
            quotes.set_quote(answer, quoted=data["quoted"], text=text, user=request.user)
            messages.success(request, _("Citatet är sparat.") if data["quoted"] else _("Svaret citeras inte."))
            return redirect("reporting:quotes", year.year)
    elif request.method == "GET" and current:
        warnings = quotes.personal_data_warnings(current.text)
    return render(request, "reporting/quote_edit.html",
                  {"year": year, "answer": answer, "form": form, "warnings": warnings})


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
