from django.urls import path

from reporting import report_views

urlpatterns = [
    path("<int:year>/", report_views.report_home, name="report"),
    path("<int:year>/text/", report_views.report_text, name="report_text"),
    path("<int:year>/forhandsvisning/", report_views.report_preview, name="report_preview"),
    path("<int:year>/skapa/", report_views.report_create, name="report_create"),
    path("version/<int:pk>/", report_views.report_version, name="report_version"),
    path("version/<int:pk>/las/", report_views.report_read, name="report_read"),
    path("version/<int:pk>/ladda-ner/", report_views.report_download, name="report_download"),
    path("version/<int:pk>/publicera/", report_views.report_publish, name="report_publish"),
]
