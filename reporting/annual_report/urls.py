from django.urls import path

from reporting.annual_report import views

urlpatterns = [
    path("<int:year>/", views.report_home, name="report"),
    path("<int:year>/text/", views.report_text, name="report_text"),
    path("<int:year>/forhandsvisning/", views.report_preview, name="report_preview"),
    path("<int:year>/skapa/", views.report_create, name="report_create"),
    path("version/<int:pk>/", views.report_version, name="report_version"),
    path("version/<int:pk>/las/", views.report_read, name="report_read"),
    path("version/<int:pk>/ladda-ner/", views.report_download, name="report_download"),
    path("version/<int:pk>/publicera/", views.report_publish, name="report_publish"),
    path("version/<int:pk>/aterkalla/", views.report_withdraw, name="report_withdraw"),
    path("<int:year>/stang-aret/", views.year_close, name="year_close"),
]
