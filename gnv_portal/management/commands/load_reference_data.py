from django.core.management.base import BaseCommand

from gnv_portal.reference import load_reference_data


class Command(BaseCommand):
    help = "Läser in referensdata för Dalarna: kommuner, lokala systemledningar, delmål och e-postmallar."

    def handle(self, *args, **options):
        counts = load_reference_data()
        self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()))
