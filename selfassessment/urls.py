from django.urls import path

from selfassessment import views

app_name = "selfassessment"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/<int:leadership_id>/", views.assessment_form, name="form"),
    path("<int:year>/<int:leadership_id>/bekrafta/", views.assessment_confirm, name="confirm"),
    path("<int:year>/<int:leadership_id>/kartlaggning/", views.mapping_form, name="mapping"),
    path("<int:year>/<int:leadership_id>/kartlaggning/bekrafta/", views.mapping_confirm, name="mapping_confirm"),
    path("oversikt/<int:year>/", views.overview, name="overview"),
    path("oversikt/<int:year>/resultat/", views.results, name="results"),
    path("svar/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("svar/<int:pk>/ratta/", views.assessment_correct, name="assessment_correct"),
    path("kartlaggning/<int:pk>/", views.mapping_detail, name="mapping_detail"),
    path("import/", views.import_upload, name="import"),
]
