from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gnv_portal import views
from gnv_portal.forms import LoginForm

account_patterns = [
    path("logga-in/", auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
         name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("losenord/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("losenord/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("losenord/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("losenord/klart/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("konto/", include(account_patterns)),
    path("inbjudan/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("rss/inbjudningar/", views.invitations, name="invitations"),
    path("rss/utskick/<int:year>/<str:part>/<str:kind>/", views.outreach_preview, name="outreach_preview"),
    path("rss/paminnelser/<int:year>/", views.reminder_schedules, name="reminder_schedules"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("halsa/", views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("sjalvskattning/", include("selfassessment.urls")),
    path("nyckeltal/", include("infographic.urls")),
    path("rapportering/", include("reporting.urls")),
]
