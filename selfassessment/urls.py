app_name = "selfassessment"

urlpatterns = []
