app_name = "infographic"

urlpatterns = []
