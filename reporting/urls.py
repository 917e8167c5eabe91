"""The reporting app's pages, one URL module per part (all names in the `reporting` namespace)."""

from django.urls import include, path

app_name = "reporting"

urlpatterns = [
    path("", include("reporting.municipal.urls")),
    path("arsrapport/", include("reporting.annual_report.urls")),
    path("valfardsradet/", include("reporting.dashboards.urls")),
]
