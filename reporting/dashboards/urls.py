from django.urls import path

from reporting.dashboards import views

urlpatterns = [
    path("", views.overview, name="dashboard"),
    path("sjalvskattning/", views.self_assessment, name="dashboard_self_assessment"),
    path("nyckeltal/", views.indicators, name="dashboard_indicators"),
    path("ekonomi/", views.economy, name="dashboard_economy"),
]
