from django.urls import path

from infographic import views

app_name = "infographic"

urlpatterns = [
    path("", views.infographic, name="infographic"),
    path("import/", views.import_values, name="import_values"),
    path("hamta/", views.fetch_from_kolada, name="fetch_kolada"),
    path("varden.csv", views.export_values, name="export_values"),
    path("utgava/", views.save_edition_view, name="save_edition"),
]
