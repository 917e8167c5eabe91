"""Web pages of the self-assessment and the leadership mapping. Views check access, call
the service modules (answers, stats, charts, imports, outreach) and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gnv_portal import access, editing, progress, workflow
from gnv_portal.charts import chart_context
from gnv_portal.confirm import confirm_and_submit
from gnv_portal.models import EmailLog, LocalLeadership, Membership, ReportingYear, ResponseStatus, Role, SubGoal
from selfassessment import answers, charts, home, outreach, stats, summaries
from selfassessment.forms import (
    ImportForm,
    MappingForm,
    ReopenForm,
    SelfAssessmentForm,
    initial_for,
)
from selfassessment.imports import ImportFailed, import_selfassessments
from selfassessment.models import LeadershipMapping, MemberRole, Polsam, SelfAssessment
from selfassessment.reference_data import INVITATION, MAPPING_REMINDER, REMINDER


def _year(number):
    return get_object_or_404(ReportingYear, year=number)


def _is_rep(user, leadership):
    return Membership.objects.filter(user=user, role=Role.LEADERSHIP_REP, leadership=leadership).exists()


def _locked(request, template, context, reason):
    """A change refused: the page again, saying why and whom to contact."""
    return render(request, template, {**context, "lock_reason": reason}, status=403)


@login_required
def index(request):
    if access.is_rss(request.user):
        year = (ReportingYear.objects.filter(status=ReportingYear.Status.OPEN).first()
                or ReportingYear.objects.first())
        if year is not None:
            return redirect("selfassessment:overview", year.year)
    tasks = home.tasks_for(request.user)
    earlier = SelfAssessment.objects.filter(
        respondent_label=request.user.email, leadership__in=access.leaderships_for(request.user)
    ).exclude(year__status=ReportingYear.Status.OPEN).select_related("year", "leadership")
    return render(request, "selfassessment/index.html", {"tasks": tasks, "earlier": earlier})


# --- The self-assessment form -------------------------------------------------------


def _with_form(context, form):
    context["form"] = form
    context["form_rows"] = [(goal, rating, comment, context["previous"].get(goal.number))
                            for goal, rating, comment in form.rows()]
    return context


def _assessment_context(year, leadership, assessment, user):
    previous = stats.leadership_ratings(year.year - 1).get(leadership.name, {})
    return {
        "year": year, "leadership": leadership, "assessment": assessment,
        "status": workflow.status_of(assessment), "previous_year": year.year - 1, "previous": previous,
        "lock_reason": workflow.lock_reason(year, assessment, user),
        "summary": summaries.assessment_rows(assessment, previous),
    }


@login_required
@require_http_methods(["GET", "POST"])
def assessment_form(request, year, leadership_id):
    leadership = access.get_leadership_for_user(request, leadership_id)
    year = _year(year)
    if access.is_rss(request.user) and not _is_rep(request.user, leadership):
        # RSS does not answer for a leadership; it follows, corrects and reopens the representatives' answers.
        return redirect(reverse("selfassessment:overview", args=[year.year]) + f"#ledning-{leadership.pk}")
    assessment = answers.own_assessment(year, leadership, request.user)
    return _assessment_page(request, year, leadership, assessment,
                            here=reverse("selfassessment:form", args=[year.year, leadership.pk]))


@access.rss_required
@require_http_methods(["GET", "POST"])
def assessment_correct(request, pk):
    """RSS corrects a representative's answer; a change to a submitted answer is kept in the history."""
    assessment = get_object_or_404(SelfAssessment.objects.select_related("year", "leadership"), pk=pk)
    return _assessment_page(request, assessment.year, assessment.leadership, assessment,
                            here=reverse("selfassessment:assessment_correct", args=[pk]), correcting=True)


def _assessment_page(request, year, leadership, assessment, *, here, correcting=False):
    context = _assessment_context(year, leadership, assessment, request.user)
    context["correcting"] = correcting
    subgoals = SubGoal.objects.order_by("number")
    template = "selfassessment/assessment_form.html"
    if request.method == "POST":
        if context["lock_reason"]:
            _with_form(context, SelfAssessmentForm(request.POST, subgoals=subgoals))
            context.update({"version": workflow.seen_version(request.POST),
                            "base": editing.posted_base(request.POST)})
            return _locked(request, template, context, context["lock_reason"])
        final = request.POST.get("action") == "submit" and not correcting
        outcome = editing.post(
            SelfAssessmentForm(request.POST, subgoals=subgoals), seen=workflow.seen_version(request.POST),
            save=lambda form, seen: answers.save_assessment(assessment, form, request.user, seen, year=year,
                                                            leadership=leadership),
            current=lambda: _current_assessment(year, leadership, assessment, request.user),
            initial_for=initial_for,
            final_form=SelfAssessmentForm(request.POST, subgoals=subgoals, final=True) if final else None,
        )
        if outcome.ready:
            return redirect("selfassessment:confirm", year.year, leadership.pk)
        if outcome.form is None:
            messages.success(request, _("Rättelsen är sparad.") if correcting
                             else _("Utkastet är sparat. Du kan fortsätta senare."))
            return redirect(here)
        context = _with_form(_assessment_context(year, leadership, outcome.row, request.user), outcome.form)
        context.update({"correcting": correcting, "version": outcome.version, "conflict": outcome.conflict,
                        "base": outcome.base,
                        "keep_url": here})
        if outcome.conflict is None:
            messages.warning(request, _("Det du fyllt i är sparat, men några svar behöver rättas (se nedan)."))
        return render(request, template, context, status=409 if outcome.conflict else 200)
    if assessment is not None and assessment.pending_input:
        form = SelfAssessmentForm(assessment.pending_input, subgoals=subgoals)
        form.is_valid()
    else:
        form = SelfAssessmentForm(initial=initial_for(assessment), subgoals=subgoals)
    _with_form(context, form)
    context.update({"version": workflow.version_of(assessment), "base": editing.base_of(form)})
    context["history"] = workflow.history(assessment) if assessment else []
    return render(request, template, context)


def _current_assessment(year, leadership, assessment, user):
    """The answer as stored now (after a refused save): the one being corrected, or the user's own."""
    if assessment is not None:
        return SelfAssessment.objects.filter(pk=assessment.pk).first()
    return answers.own_assessment(year, leadership, user)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_confirm(request, year, leadership_id):
    leadership = access.get_leadership_for_user(request, leadership_id)
    year = _year(year)
    assessment = answers.own_assessment(year, leadership, request.user)
    if assessment is None:
        return redirect("selfassessment:form", year.year, leadership.pk)
    context = _assessment_context(year, leadership, assessment, request.user)
    return confirm_and_submit(
        request, assessment, context, "selfassessment/assessment_confirm.html",
        reverse("selfassessment:form", args=[year.year, leadership.pk]), lock_reason=context["lock_reason"],
        missing=answers.missing_in_assessment(assessment),
        already=_("Självskattningen är redan inskickad."), done=_("Tack! Självskattningen är inskickad."),
    )


# --- The leadership mapping -----------------------------------------------------------


def _mapping_context(year, leadership, mapping, user):
    return {"year": year, "leadership": leadership, "mapping": mapping, "status": workflow.status_of(mapping),
            "lock_reason": workflow.lock_reason(year, mapping, user), "summary": summaries.mapping_rows(mapping)}


@login_required
@require_http_methods(["GET", "POST"])
def mapping_form(request, year, leadership_id):
    """The leadership's one kartläggning, shared by its representatives: the page says who else has
    it open, and a save from an outdated page shows both versions instead of overwriting."""
    leadership = access.get_leadership_for_user(request, leadership_id)
    year = _year(year)
    mapping = LeadershipMapping.objects.filter(year=year, leadership=leadership).first()
    context = _mapping_context(year, leadership, mapping, request.user)
    template = "selfassessment/mapping_form.html"
    here = reverse("selfassessment:mapping", args=[year.year, leadership.pk])
    key = workflow.form_key("kartlaggning", year.year, leadership.pk)
    if request.method == "POST":
        if context["lock_reason"]:
            context.update({"form": MappingForm(request.POST), "version": workflow.seen_version(request.POST),
                            "base": editing.posted_base(request.POST)})
            return _locked(request, template, context, context["lock_reason"])
        workflow.note_open(key, request.user)
        outcome = editing.post(
            MappingForm(request.POST), seen=workflow.seen_version(request.POST),
            save=lambda form, seen: answers.save_mapping(mapping, form, request.user, seen, year=year,
                                                         leadership=leadership),
            current=lambda: LeadershipMapping.objects.filter(year=year, leadership=leadership).first(),
            initial_for=MappingForm.initial_for,
            final_form=MappingForm(request.POST, final=True) if request.POST.get("action") == "submit" else None,
        )
        if outcome.ready:
            return redirect("selfassessment:mapping_confirm", year.year, leadership.pk)
        if outcome.form is None:
            messages.success(request, _("Utkastet är sparat. Du kan fortsätta senare."))
            return redirect(here)
        context = _mapping_context(year, leadership, outcome.row, request.user)
        context.update({"form": outcome.form, "version": outcome.version, "conflict": outcome.conflict,
                        "base": outcome.base,
                        "keep_url": here, "also_open": workflow.also_open(key, request.user)})
        if outcome.conflict is None:
            messages.warning(request, _("Det du fyllt i är sparat, men några svar behöver rättas (se nedan)."))
        return render(request, template, context, status=409 if outcome.conflict else 200)
    if mapping is not None and mapping.pending_input:
        form = MappingForm(mapping.pending_input)
        form.is_valid()
    else:
        form = MappingForm(initial=MappingForm.initial_for(mapping))
    if not context["lock_reason"]:
        workflow.note_open(key, request.user)
    context.update({"form": form, "version": workflow.version_of(mapping), "base": editing.base_of(form),
                    "also_open": workflow.also_open(key, request.user),
                    "history": workflow.history(mapping) if mapping else []})
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def mapping_confirm(request, year, leadership_id):
    leadership = access.get_leadership_for_user(request, leadership_id)
    year = _year(year)
    mapping = LeadershipMapping.objects.filter(year=year, leadership=leadership).first()
    if mapping is None:
        return redirect("selfassessment:mapping", year.year, leadership.pk)
    context = _mapping_context(year, leadership, mapping, request.user)
    return confirm_and_submit(
        request, mapping, context, "selfassessment/mapping_confirm.html",
        reverse("selfassessment:mapping", args=[year.year, leadership.pk]), lock_reason=context["lock_reason"],
        missing=answers.missing_in_mapping(mapping),
        already=_("Kartläggningen är redan inskickad."), done=_("Tack! Kartläggningen är inskickad."),
    )


# --- RSS: overview, e-mails, reopening, results, import ----------------------------------


@access.rss_required
def overview(request, year):
    year = _year(year)
    leaderships = list(LocalLeadership.objects.order_by("name"))
    by_lead = {}
    for assessment in SelfAssessment.objects.filter(year=year).select_related("respondent", "submitted_by"):
        by_lead.setdefault(assessment.leadership_id, []).append(assessment)
    mappings = {m.leadership_id: m for m in LeadershipMapping.objects.filter(year=year).select_related(
        "submitted_by")}
    means = stats.leadership_ratings(year)
    subgoals = list(SubGoal.objects.order_by("number"))
    names = {a.respondent_label: str(a.respondent or a.respondent_label) for group in by_lead.values() for a in group}
    conflicts = {}
    for d in stats.disagreements(year):
        conflicts.setdefault(d.leadership, []).append(
            {"subgoal": d.subgoal, "mean": d.mean, "answers": [(names.get(k, k), v) for k, v in d.answers.items()]})
    rows = []
    for lead in leaderships:
        lead_means = means.get(lead.name, {})
        rows.append({
            "leadership": lead,
            "assessments": by_lead.get(lead.pk, []),
            "status": workflow.status_of(_best(by_lead.get(lead.pk, []))),
            "mapping": mappings.get(lead.pk),
            "mapping_status": workflow.status_of(mappings.get(lead.pk)),
            "means": [lead_means.get(goal.number) for goal in subgoals],
            "disagreements": conflicts.get(lead.name, []),
        })
    sends = EmailLog.objects.filter(year=year, template_key__in=[INVITATION, REMINDER, MAPPING_REMINDER]) \
        .select_related("sent_by")[:30]
    return render(request, "selfassessment/overview.html", {
        "year": year, "years": ReportingYear.objects.all(), "rows": rows, "subgoals": subgoals,
        "leadership_progress": progress.summary(row["status"] for row in rows),
        "representative_progress": progress.summary(s for _r, s in outreach.representative_statuses(year)),
        "pending": len(outreach.not_submitted(year)), "sends": sends,
    })


def _best(assessments):
    """The leadership's status: submitted if any representative submitted, else the furthest along."""
    order = [ResponseStatus.SUBMITTED, ResponseStatus.REOPENED, ResponseStatus.DRAFT]
    for status in order:
        for assessment in assessments:
            if assessment.status == status:
                return assessment
    return None


def _reopen(request, response, reason, done):
    """RSS reopens a submitted answer (logged with the reason); anything else is left as it is."""
    if response.status != ResponseStatus.SUBMITTED:
        messages.info(request, _("Svaret är inte inskickat och behöver inte öppnas igen."))
    else:
        workflow.reopen(response, request.user, reason)
        messages.success(request, done)


@access.rss_required
@require_http_methods(["GET", "POST"])
def assessment_detail(request, pk):
    assessment = get_object_or_404(SelfAssessment.objects.select_related("year", "leadership"), pk=pk)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _reopen(request, assessment, form.cleaned_data["reason"],
                _("Svaret är öppnat igen. Representanten kan nu ändra och skicka in på nytt."))
        return redirect("selfassessment:assessment_detail", assessment.pk)
    return render(request, "selfassessment/assessment_detail.html", {
        "assessment": assessment, "summary": summaries.assessment_rows(assessment), "form": form,
        "history": workflow.history(assessment), "status": workflow.status_of(assessment),
    })


@access.rss_required
@require_http_methods(["GET", "POST"])
def mapping_detail(request, pk):
    mapping = get_object_or_404(LeadershipMapping.objects.select_related("year", "leadership"), pk=pk)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _reopen(request, mapping, form.cleaned_data["reason"], _("Kartläggningen är öppnad igen."))
        return redirect("selfassessment:mapping_detail", mapping.pk)
    return render(request, "selfassessment/mapping_detail.html", {
        "mapping": mapping, "summary": summaries.mapping_rows(mapping), "form": form,
        "history": workflow.history(mapping), "status": workflow.status_of(mapping),
    })


@access.rss_required
def results(request, year):
    year = _year(year)
    summary = stats.year_summary(year)
    figure2 = charts.means_chart(year)
    chart_list = [_chart(figure2, "figur-medelvarden")]
    chart_list += [_chart(c, f"histogram-delmal-{i}") for i, c in enumerate(charts.histograms(year), start=1)]
    return render(request, "selfassessment/results.html", {
        "year": year, "years": ReportingYear.objects.all(), "summary": summary, "charts": chart_list,
        "scores": stats.total_scores(year), "mapping": stats.mapping_counts(year),
        "role_labels": dict(MemberRole.choices), "polsam_labels": dict(Polsam.choices),
    })


def _chart(chart, chart_id):
    return chart_context(chart.figure, chart_id=chart_id, title=chart.title, caption=chart.caption,
                         columns=chart.columns, rows=chart.rows)


@access.rss_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = import_selfassessments(form.cleaned_data["file"].read(), user=request.user)
        except ImportFailed as failed:
            report = failed.report
            messages.error(request, _("Inget lästes in: filen har fel (se listan)."))
        else:
            messages.success(request, report.summary())
    return render(request, "selfassessment/import.html", {"form": form, "report": report})
