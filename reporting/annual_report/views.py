"""Portal pages of the annual report: RSS edits the text (with preview), creates versions in
the background, and publishes one; readers see and download published versions only."""

import re

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from gnv_portal import access, editing, security, workflow
from gnv_portal.models import ReportingYear
from reporting.annual_report import blocks, build, publication, report, texts
from reporting.annual_report.tasks import build_report_task, expire_stale_builds
from reporting.models import ReportText, ReportVersion

YEAR_CHANGED = _lazy("Rapporteringsåret ändrades medan du läste sidan (någon stängde det eller ändrade sista "
                     "svarsdag). Ingenting är gjort; kontrollera uppgifterna nedan igen.")


def _year(year):
    return get_object_or_404(ReportingYear, year=year)


def _visible_version(request, pk):
    """The version if the user may see it: RSS all, readers only published ones (404 otherwise)."""
    version = get_object_or_404(ReportVersion.objects.select_related("year").defer("content"), pk=pk)
    if not access.is_rss(request.user) and not version.is_readable:
        raise Http404
    return version


@access.reader_required
def report_home(request, year):
    year = _year(year)
    expire_stale_builds()
    versions = ReportVersion.objects.filter(year=year).defer("content", "snapshot", "text")
    if not access.is_rss(request.user):
        versions = versions.filter(published=True, withdrawn_at__isnull=True, status=ReportVersion.Status.READY)
        # For readers a year's report exists once a version of it is published.
        if not versions.exists():
            raise Http404
    return render(request, "reporting/report/home.html", {
        "year": year, "versions": versions, "is_rss": access.is_rss(request.user),
        "has_text": ReportText.objects.filter(year=year).exists(),
        "year_open": year.status not in (ReportingYear.Status.CLOSED, ReportingYear.Status.PUBLISHED),
        "log": publication.log(year) if access.is_rss(request.user) else [],
    })


def _preview(text, snapshot):
    try:
        body, _headings = report.render_body(text, snapshot, blocks.web_renderer())
        return body, []
    except report.ReportTextError as error:
        return "", error.errors


def _insert_drafts(text, snapshot):
    """Replace the generated-draft blocks by their text, so RSS can edit the sentences."""
    for name in ("utkast_medelvarden", "utkast_spridning"):
        data = snapshot["blocks"].get(name, {})
        if data.get("kind") != "paragraphs":
            continue
        paragraphs = "\n\n".join(p["text"] for p in data["paragraphs"])
        text = re.sub(rf"^[ \t]*\[\[\s*{name}\s*\]\][ \t]*$", lambda _m, p=paragraphs: p, text, flags=re.M)
    return text


@access.rss_required
@require_http_methods(["GET", "POST"])
def report_text(request, year):
    """RSS edits the text. Preview and inserting drafts keep the version the editor started from, so
    saving from a tab that is behind a colleague's save shows both texts instead of overwriting."""
    year = _year(year)
    snapshot = report.collect(year)
    stored = texts.stored_text(year)
    text = report.normalise(request.POST.get("body", "")) if request.method == "POST" else report.text_for_year(year)
    if request.method == "POST":
        version, base = workflow.seen_version(request.POST), editing.posted_base(request.POST)
    else:
        version, base = workflow.version_of(stored), editing.base_of(texts.ReportTextForm(initial={"body": text}))
    action = request.POST.get("action", "")
    errors, preview, conflict = [], "", None
    if request.method == "POST":
        if action == "insert_drafts":
            text = _insert_drafts(text, snapshot)
            messages.info(request, _("Utkasten är infogade som text. Granska dem och spara."))
        preview, errors = _preview(text, snapshot)
        if action == "save" and not errors:
            try:
                texts.save_text(year, text, request.user, version)
            except workflow.Stale:
                stored = texts.stored_text(year)
                typed = texts.ReportTextForm({"body": text, "base": base})
                conflict = editing.conflict(typed, {"body": stored.body if stored else ""}, stored)
                text, version, base = typed.data["body"], workflow.version_of(stored), conflict.base
            else:
                messages.success(request, _("Rapporttexten är sparad."))
                return redirect("reporting:report_text", year.year)
    status = 409 if conflict else 400 if errors and action == "save" else 200
    return render(request, "reporting/report/text.html", {
        "year": year, "body": text, "errors": errors, "preview": preview, "blocks": report.BLOCKS,
        "version": version, "base": base, "conflict": conflict, "stored": stored,
        "keep_url": reverse("reporting:report_text", args=[year.year]),
        "values": [(name, report.VALUES[name], snapshot["values"][name]) for name in report.VALUES],
        "quote_blocks": sorted(n for n in snapshot["blocks"] if n.startswith("citat:")),
        "draft": [p for name in ("utkast_medelvarden", "utkast_spridning")
                  for p in snapshot["blocks"][name].get("paragraphs", [])],
    }, status=status)


@access.rss_required
def report_preview(request, year):
    """The report as it would be built now, in the portal (interactive charts)."""
    year = _year(year)
    snapshot = report.collect(year)
    body, errors = _preview(report.text_for_year(year), snapshot)
    return render(request, "reporting/report/preview.html", {"year": year, "body": body, "errors": errors})


@access.rss_required
@require_POST
def report_create(request, year):
    year = _year(year)
    fmt = request.POST.get("format", ReportVersion.Format.PDF)
    if fmt not in ReportVersion.Format.values:
        fmt = ReportVersion.Format.PDF
    text = report.text_for_year(year)
    snapshot = report.collect(year)
    errors = report.check_text(text, snapshot)
    if errors:
        # Said at once, on the page RSS is on, rather than as a failed version a while later.
        for error in errors:
            messages.error(request, error)
        return redirect("reporting:report", year.year)
    version = ReportVersion.objects.create(year=year, format=fmt, text=text, snapshot=snapshot,
                                           created_by=request.user, progress=_("Väntar på att starta"))
    transaction.on_commit(lambda: build_report_task.enqueue(version.pk))
    return redirect("reporting:report_version", version.pk)


@access.reader_required
def report_version(request, pk):
    expire_stale_builds()
    version = _visible_version(request, pk)
    return render(request, "reporting/report/version.html", {
        "version": version, "year": version.year, "is_rss": access.is_rss(request.user),
        "building": version.status == ReportVersion.Status.BUILDING,
    })


@access.reader_required
def report_download(request, pk):
    version = _visible_version(request, pk)
    if version.status != ReportVersion.Status.READY:
        raise Http404
    content = ReportVersion.objects.values_list("content", flat=True).get(pk=pk)
    content_type = "application/pdf" if version.format == ReportVersion.Format.PDF else "text/html; charset=utf-8"
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{version.filename}"'
    return response


@access.reader_required
def report_read(request, pk):
    """A ready version as the self-contained HTML report in the browser (for a PDF version: the same
    text and data snapshot rendered as HTML)."""
    version = _visible_version(request, pk)
    if version.status != ReportVersion.Status.READY:
        raise Http404
    if version.format == ReportVersion.Format.HTML:
        html = bytes(ReportVersion.objects.values_list("content", flat=True).get(pk=pk)).decode("utf-8")
    else:
        html = build.document_html(version.text, version.snapshot)
    return security.as_standalone_document(HttpResponse(html, content_type="text/html; charset=utf-8"))


def _confirmation_page(request, year, *, groups, version=None, closing):
    return {"year": year, "version": version, "groups": groups, "closing": closing,
            "year_open": year.status not in (ReportingYear.Status.CLOSED, ReportingYear.Status.PUBLISHED),
            "row_version": year.version, "checked": request.POST.getlist("checked")}


def _unconfirmed(request, groups):
    """Groups whose box RSS must tick and did not."""
    return [g for g in groups if g.confirm and g.key not in request.POST.getlist("checked")]


@access.rss_required
@require_http_methods(["GET", "POST"])
def report_publish(request, pk):
    """Publish a ready version, after a confirmation page listing what is still open in the year.
    Publishing leaves the year open unless RSS chooses, on that page, to close it too."""
    version = get_object_or_404(ReportVersion.objects.select_related("year").defer("content"), pk=pk)
    if version.status != ReportVersion.Status.READY or version.withdrawn_at is not None:
        messages.error(request, _("Bara en färdig version som inte har återkallats kan publiceras."))
        return redirect("reporting:report_version", version.pk)
    year = version.year
    groups = publication.confirmation(year, version)
    context = _confirmation_page(request, year, groups=groups, version=version, closing=False)
    if request.method == "POST":
        context["missing_checks"] = _unconfirmed(request, groups)
        if not context["missing_checks"]:
            try:
                published = publication.publish(version, request.user, year_seen=workflow.seen_version(request.POST),
                                                close=request.POST.get("close") == "yes")
            except workflow.Stale:
                messages.warning(request, YEAR_CHANGED)
                return redirect(request.path)
            if published:
                messages.success(request, _("Versionen är publicerad och kan läsas av läsarna."))
            else:
                messages.info(request, _("Versionen är redan publicerad."))
            return redirect("reporting:report_version", version.pk)
    return render(request, "reporting/report/confirm.html", context,
                  status=400 if context.get("missing_checks") else 200)


@access.rss_required
@require_http_methods(["GET", "POST"])
def year_close(request, year):
    """Close the reporting year for answers, after a confirmation page listing what is still open."""
    year = _year(year)
    groups = publication.confirmation(year)
    context = _confirmation_page(request, year, groups=groups, closing=True)
    if request.method == "POST":
        context["missing_checks"] = _unconfirmed(request, groups)
        if not context["missing_checks"]:
            try:
                closed = publication.close_year(year, request.user, workflow.seen_version(request.POST))
            except workflow.Stale:
                messages.warning(request, YEAR_CHANGED)
                return redirect(request.path)
            messages.success(request, _("Rapporteringsåret %(y)s är stängt för svar.") % {"y": year.year} if closed
                             else _("Rapporteringsåret är redan stängt."))
            return redirect("reporting:report", year.year)
    return render(request, "reporting/report/confirm.html", context,
                  status=400 if context.get("missing_checks") else 200)


@access.rss_required
@require_POST
def report_withdraw(request, pk):
    """Withdraw a publication with a reason (kept in the log); readers no longer see the version."""
    version = get_object_or_404(ReportVersion.objects.defer("content"), pk=pk)
    try:
        if publication.withdraw(version, request.user, request.POST.get("reason", "")):
            messages.success(request, _("Publiceringen är återkallad."))
        else:
            messages.info(request, _("Versionen är inte publicerad."))
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("reporting:report_version", version.pk)
