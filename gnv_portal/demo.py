"""Demo users and reporting years, for trying the portal (`make run`).

Every demo address ends in .invalid (reserved, never delivered). Later parts of the
portal add their demo answers through their own `load_demo_*` functions, called
from the load_demo_data command.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from gnv_portal.models import LocalLeadership, Membership, Municipality, ReportingYear, Role, User
from gnv_portal.reference import load_reference_data

DEMO_PASSWORD = "Dalarna-demo-2025"
DOMAIN = "demo.invalid"


def demo_email(local):
    return f"{local}@{DOMAIN}"


def _user(local, first, last, **extra):
    user, created = User.objects.get_or_create(
        email=demo_email(local), defaults={"first_name": first, "last_name": last, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _member(user, role, municipality=None, leadership=None):
    Membership.objects.get_or_create(user=user, role=role, municipality=municipality, leadership=leadership)


@transaction.atomic
def load_demo_users_and_years(today=None):
    """Create the demo cast and the years 2023 (closed) and 2024 (open). Returns the users made."""
    load_reference_data()
    today = today or timezone.localdate()
    ReportingYear.objects.get_or_create(
        year=2023, defaults={"status": ReportingYear.Status.CLOSED,
                             "opens_on": today.replace(year=today.year - 1) - timedelta(days=30),
                             "deadline": today.replace(year=today.year - 1)},
    )
    # The demo year stays open for a while whenever the demo is loaded, so forms can be tried.
    ReportingYear.objects.get_or_create(
        year=2024, defaults={"status": ReportingYear.Status.OPEN,
                             "opens_on": today - timedelta(days=14), "deadline": today + timedelta(days=60)},
    )
    users = []
    rss = _user("rss", "Anna", "Andersson")
    _member(rss, Role.RSS)
    users.append((rss, "RSS-handläggare"))
    reader = _user("lasare", "Lars", "Läsare")
    _member(reader, Role.READER)
    users.append((reader, "Läsare (Välfärdsrådet)"))
    for leadership in LocalLeadership.objects.order_by("name"):
        slug = slugify(leadership.name)
        rep = _user(f"sl-{slug}", "Representant", leadership.name)
        _member(rep, Role.LEADERSHIP_REP, leadership=leadership)
        users.append((rep, f"Systemledningsrepresentant, {leadership.name}"))
    # Södra Dalarna has two representatives (Avesta and Hedemora), who answer on their own.
    second = _user("sl-sodra-dalarna-2", "Andra representanten", "Södra Dalarna")
    _member(second, Role.LEADERSHIP_REP, leadership=LocalLeadership.objects.get(name="Södra Dalarna"))
    users.append((second, "Systemledningsrepresentant, Södra Dalarna (nr 2)"))
    for municipality in Municipality.objects.order_by("name"):
        slug = slugify(municipality.name)
        person = _user(f"kommun-{slug}", "Kommunrespondent", municipality.name)
        _member(person, Role.SURVEY_RESPONDENT, municipality=municipality)
        _member(person, Role.ECONOMY_RESPONDENT, municipality=municipality)
        users.append((person, f"Kommunrespondent (enkät och ekonomi), {municipality.name}"))
    return users
