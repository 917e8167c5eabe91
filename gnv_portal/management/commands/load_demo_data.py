from django.core.management.base import BaseCommand

from gnv_portal import hooks, notices
from gnv_portal.demo import DEMO_PASSWORD, load_demo_users_and_years


class Command(BaseCommand):
    help = "Skapar demoanvändare för alla roller och rapporteringsåren 2023 och 2024 (med demosvar)."

    def handle(self, *args, **options):
        users = load_demo_users_and_years()
        # Demo answers are submitted through the real workflow; their receipts would go to .invalid.
        with notices.silenced():
            for load_demo in hooks.app_functions("demo", "load_demo"):
                load_demo()
        self.stdout.write(f"Demodata inläst. Demoanvändare (lösenord för alla: {DEMO_PASSWORD}):")
        for user, what in users:
            self.stdout.write(f"  {user.email:40} {what}")
