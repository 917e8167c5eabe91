from django.apps import AppConfig


class InfographicConfig(AppConfig):
    name = "infographic"
    verbose_name = "Nyckeltal och infografik"

    def ready(self):
        from infographic import signals  # noqa: F401  (connects the receivers)
