from django.urls import path

from reporting import dashboard_views

urlpatterns = [
    path("", dashboard_views.overview, name="dashboard"),
    path("sjalvskattning/", dashboard_views.self_assessment, name="dashboard_self_assessment"),
    path("nyckeltal/", dashboard_views.indicators, name="dashboard_indicators"),
    path("ekonomi/", dashboard_views.economy, name="dashboard_economy"),
]
