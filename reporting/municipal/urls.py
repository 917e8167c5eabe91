"""Pages of the municipalities' reporting (names in the `reporting` namespace)."""

from django.urls import path

from reporting.municipal import views

urlpatterns = [
    path("<int:year>/kommunenkat/<int:municipality_id>/", views.survey, name="survey"),
    path("<int:year>/kommunenkat/<int:municipality_id>/bekrafta/", views.survey_confirm, name="survey_confirm"),
    path("<int:year>/ekonomi/<int:municipality_id>/", views.economy_form, name="economy"),
    path("<int:year>/ekonomi/<int:municipality_id>/bekrafta/", views.economy_confirm, name="economy_confirm"),
    path("<int:year>/", views.overview, name="overview"),
    path("<int:year>/ateroppna/<str:part>/<int:municipality_id>/", views.reopen, name="reopen"),
    path("<int:year>/sammanstallning/", views.compilation, name="compilation"),
    path("<int:year>/figurer/", views.figures_page, name="figures"),
    path("<int:year>/figurer/omraden.csv", views.area_csv, name="area_csv"),
    path("<int:year>/ekonomi/belopp/", views.prefill, name="prefill"),
    path("<int:year>/export.xlsx", views.export_excel, name="export_excel"),
    path("<int:year>/export-<str:part>.csv", views.export_csv, name="export_csv"),
    path("<int:year>/citat/", views.quote_list, name="quotes"),
    path("<int:year>/citat/<int:answer_id>/", views.quote_edit, name="quote_edit"),
    path("ekonomi/import/", views.economy_import, name="economy_import"),
    path("kommunenkat/import/", views.survey_import, name="survey_import"),
    path("enkater/", views.questionnaire_list, name="questionnaires"),
    path("enkater/<int:year>/", views.questionnaire_detail, name="questionnaire"),
]

