"""Send the reminders that RSS has scheduled and that are due now (for cron; the worker
does the same on its own). Safe to run often: nobody is reminded twice for one date."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from gnv_portal import outreach


class Command(BaseCommand):
    help = "Skickar de schemalagda påminnelser som är på tur (till dem som inte har skickat in)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Visa vilka som skulle få en påminnelse.")

    def handle(self, *args, dry_run=False, **options):
        done = outreach.send_due(dry_run=dry_run)
        for schedule, part, recipients, sent in done:
            if dry_run:
                self.stdout.write(f"{part.label} {schedule.year}: " + ", ".join(r.email for r in recipients))
            else:
                self.stdout.write(f"{part.label} {schedule.year}: " + ngettext(
                    "%(n)s påminnelse skickades.", "%(n)s påminnelser skickades.", sent) % {"n": sent})
        if not done:
            self.stdout.write("Inga påminnelser är på tur.")
