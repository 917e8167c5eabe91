from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "selfassessment"
    verbose_name = "Självskattning och kartläggning"
