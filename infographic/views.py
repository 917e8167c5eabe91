from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gnv_portal.access import is_rss, reader_required, rss_required
from gnv_portal.models import Municipality, ReportingYear
from infographic import imports
from infographic.forms import KoladaFetchForm, ValuesUploadForm
from infographic.models import KoladaImport
from infographic.results import EditionLocked, build_infographic, save_edition
from infographic.tasks import kolada_import_task


@reader_required
@require_http_methods(["GET"])
def infographic(request):
    years = list(ReportingYear.objects.order_by("-year"))
    municipalities = list(Municipality.objects.order_by("name"))
    year = next((y for y in years if str(y.year) == request.GET.get("ar")), years[0] if years else None)
    focus = next((m for m in municipalities if m.code == request.GET.get("kommun")), None)
    data = build_infographic(year, focus)
    return render(request, "infographic/infographic.html", {
        "info": data, "summary": data.summary, "years": years, "year": year,
        "municipalities": municipalities, "focus": focus, "can_manage": is_rss(request.user),
    })


def _import_page(request, *, form=None, fetch_form=None, errors=()):
    imports.expire_stale_fetches()
    return render(request, "infographic/import.html", {
        "form": form or ValuesUploadForm(), "fetch_form": fetch_form or KoladaFetchForm(), "errors": errors,
        "runs": KoladaImport.objects.select_related("created_by")[:10],
    })


@rss_required
@require_http_methods(["GET", "POST"])
def import_values(request):
    if request.method != "POST":
        return _import_page(request)
    form = ValuesUploadForm(request.POST, request.FILES)
    errors = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = imports.import_upload(upload.read(), upload.name, form.cleaned_data["period"])
        except imports.ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(request, _("Importen är klar. ") + " ".join(report.lines()))
            return redirect("infographic:import_values")
    return _import_page(request, form=form, errors=errors)


@rss_required
@require_POST
def fetch_from_kolada(request):
    form = KoladaFetchForm(request.POST)
    if not form.is_valid():
        return _import_page(request, fetch_form=form)
    run = KoladaImport.objects.create(created_by=request.user, periods=form.cleaned_data["periods"])
    kolada_import_task.enqueue(run.pk)
    run.refresh_from_db()
    if run.status == KoladaImport.Status.FAILED:
        messages.error(request, run.report)
    elif run.status == KoladaImport.Status.DONE:
        messages.success(request, _("Hämtningen från Kolada är klar. ") + run.report.replace("\n", " "))
    else:
        messages.info(request, _("Hämtningen från Kolada har startat. Resultatet visas i listan nedan."))
    return redirect("infographic:import_values")


@reader_required
@require_http_methods(["GET"])
def export_values(request):
    response = HttpResponse(imports.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nyckeltal.csv"'
    return response


@rss_required
@require_POST
def save_edition_view(request):
    text = request.POST.get("ar", "")
    year = get_object_or_404(ReportingYear, year=int(text) if text.isdigit() and len(text) == 4 else 0)
    try:
        edition = save_edition(year, request.user)
    except EditionLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("%(title)s är sparad.") % {"title": edition.title})
    return redirect(f"{reverse('infographic:infographic')}?ar={year.year}")
