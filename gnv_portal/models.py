"""The shared kernel: organisations, delmål, reporting years, users and their roles,
the draft/submit workflow shared by every form, and e-mail templates and logs."""

import hashlib
import secrets
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gnv_portal.formatting import iso_datetime, sv_date

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
kolada_code = RegexValidator(r"^[0-9]{4}$", _("Koden ska vara fyra siffror, t.ex. 2080."))


# --- Users -------------------------------------------------------------------


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("E-postadress krävs")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create(email, password, **extra)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person; logs in with e-mail address and password."""

    username = None
    email = models.EmailField(_("e-postadress"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)


# --- Organisations and delmål -------------------------------------------------


class Region(models.Model):
    code = models.CharField(_("Kolada-kod"), max_length=4, unique=True, validators=[kolada_code])
    name = models.CharField(_("namn"), max_length=100)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regioner")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A kommun, identified by its SCB/Kolada code ("2080" = Falun)."""

    code = models.CharField(_("SCB/Kolada-kod"), max_length=4, unique=True, validators=[kolada_code])
    name = models.CharField(_("namn"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LocalLeadership(models.Model):
    """Lokal systemledning: one or more municipalities with Region Dalarna."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    municipalities = models.ManyToManyField(Municipality, related_name="leaderships", verbose_name=_("kommuner"))

    class Meta:
        verbose_name = _("lokal systemledning")
        verbose_name_plural = _("lokala systemledningar")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SubGoal(models.Model):
    """Delmål of the county strategy; the statement is what the self-assessment rates."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    name = models.CharField(_("namn"), max_length=100)
    statement = models.TextField(_("påstående"))

    class Meta:
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


# --- Rows people edit ---------------------------------------------------------------


class Versioned(models.Model):
    """A row people edit. `version` counts its saves: a page carries the version it was shown
    from, and a save from an older one is refused (gnv_portal.workflow.hold), so nothing is
    silently overwritten by a second tab or a second person."""

    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class ReportingYear(Versioned):
    """One round of follow-up, e.g. 2024 (collected in early 2025)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Under förberedelse")
        OPEN = "open", _("Öppen")
        CLOSED = "closed", _("Stängd")
        PUBLISHED = "published", _("Publicerad")

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    opens_on = models.DateField(_("öppnar"), null=True, blank=True)
    deadline = models.DateField(
        _("sista svarsdag"), null=True, blank=True, help_text=_("Svar tas emot till och med kl. 23.59 denna dag.")
    )

    class Meta:
        verbose_name = _("rapporteringsår")
        verbose_name_plural = _("rapporteringsår")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def clean(self):
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": _("Sista svarsdag kan inte ligga före öppningsdagen.")})

    def deadline_end(self):
        """The last moment answers are accepted: 23:59:59 Stockholm time on the deadline."""
        if self.deadline is None:
            return None
        return datetime.combine(self.deadline, time(23, 59, 59, 999999), tzinfo=STOCKHOLM)

    def lock_reason(self, now=None):
        """Why respondents cannot change answers now, in Swedish; "" when they can."""
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return _("Rapporteringsåret %(year)s har inte öppnats ännu.") % {"year": self.year}
        if self.status in (self.Status.CLOSED, self.Status.PUBLISHED):
            return _("Rapporteringsåret %(year)s är stängt.") % {"year": self.year}
        if self.opens_on and now.astimezone(STOCKHOLM).date() < self.opens_on:
            return _("Rapporteringen öppnar %(date)s.") % {"date": sv_date(self.opens_on)}
        end = self.deadline_end()
        if end and now > end:
            return _("Sista svarsdag var %(date)s.") % {"date": sv_date(self.deadline)}
        return ""

    def accepts_answers(self, now=None):
        return not self.lock_reason(now)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


# --- Roles ----------------------------------------------------------------------


class Role(models.TextChoices):
    LEADERSHIP_REP = "systemledning", _("Systemledningsrepresentant")
    SURVEY_RESPONDENT = "kommun_enkat", _("Kommunrespondent, kommunenkät")
    ECONOMY_RESPONDENT = "kommun_ekonomi", _("Kommunrespondent, ekonomisk redovisning")
    RSS = "rss", _("RSS-handläggare")
    READER = "lasare", _("Läsare")


MUNICIPALITY_ROLES = {Role.SURVEY_RESPONDENT, Role.ECONOMY_RESPONDENT}
LEADERSHIP_ROLES = {Role.LEADERSHIP_REP}


def check_role_organisation(role, municipality, leadership):
    """The organisation a role needs: a leadership, a municipality, or none."""
    if role in LEADERSHIP_ROLES:
        if leadership is None or municipality is not None:
            raise ValidationError({"leadership": _("Rollen kräver en lokal systemledning (och ingen kommun).")})
    elif role in MUNICIPALITY_ROLES:
        if municipality is None or leadership is not None:
            raise ValidationError({"municipality": _("Rollen kräver en kommun (och ingen systemledning).")})
    elif municipality is not None or leadership is not None:
        raise ValidationError({"role": _("Rollen gäller hela länet och ska inte kopplas till en organisation.")})


class Membership(models.Model):
    """A user's role, for one organisation where the role needs one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("kommun"),
    )
    leadership = models.ForeignKey(
        LocalLeadership, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("lokal systemledning"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roll och organisation")
        verbose_name_plural = _("roller och organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "leadership"], condition=models.Q(leadership__isnull=False),
                name="membership_unique_leadership",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "municipality"], condition=models.Q(municipality__isnull=False),
                name="membership_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "role"], condition=models.Q(leadership__isnull=True, municipality__isnull=True),
                name="membership_unique_county",
            ),
        ]

    def __str__(self):
        org = self.municipality or self.leadership
        return f"{self.user} – {self.get_role_display()}" + (f" ({org})" if org else "")

    def clean(self):
        check_role_organisation(self.role, self.municipality, self.leadership)


def _hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def check_roles_organisations(roles, municipality, leadership):
    """Several roles for one person: each role's organisation must be given, and no other."""
    roles = set(roles)
    errors = {}
    if roles & LEADERSHIP_ROLES and leadership is None:
        errors["leadership"] = _("Rollen systemledningsrepresentant kräver en lokal systemledning.")
    if not roles & LEADERSHIP_ROLES and leadership is not None:
        errors["leadership"] = _("Ingen av rollerna gäller en lokal systemledning; lämna fältet tomt.")
    if roles & MUNICIPALITY_ROLES and municipality is None:
        errors["municipality"] = _("Rollen kommunrespondent kräver en kommun.")
    if not roles & MUNICIPALITY_ROLES and municipality is not None:
        errors["municipality"] = _("Ingen av rollerna gäller en kommun; lämna fältet tomt.")
    if not roles:
        errors["roles"] = _("Välj minst en roll.")
    if errors:
        raise ValidationError(errors)


def organisation_of(role, municipality, leadership):
    """(municipality, leadership) a membership of `role` gets, from an invitation's two fields."""
    if role in LEADERSHIP_ROLES:
        return None, leadership
    if role in MUNICIPALITY_ROLES:
        return municipality, None
    return None, None


class Invitation(models.Model):
    """RSS invites a person to one or more roles. A new person's link sets a password once,
    before it expires; for a person who already has an account the roles are added at once
    (`to_existing_account`) and no link is sent."""

    email = models.EmailField(_("e-postadress"))
    first_name = models.CharField(_("förnamn"), max_length=150)
    last_name = models.CharField(_("efternamn"), max_length=150)
    roles = models.JSONField(_("roller"), default=list)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("kommun")
    )
    leadership = models.ForeignKey(
        LocalLeadership, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("lokal systemledning")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("giltig till"))
    accepted_at = models.DateTimeField(_("använd"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    to_existing_account = models.BooleanField(_("till befintligt konto"), default=False)

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def clean(self):
        check_roles_organisations(self.roles, self.municipality, self.leadership)

    def memberships(self):
        """[(role, municipality, leadership)] the invitation gives."""
        return [(role, *organisation_of(role, self.municipality, self.leadership)) for role in self.roles]

    def roles_display(self):
        """"Kommunrespondent, kommunenkät (Avesta), Läsare"."""
        labels = dict(Role.choices)
        parts = []
        for role, municipality, leadership in self.memberships():
            org = municipality or leadership
            parts.append(f"{labels.get(role, role)} ({org})" if org else str(labels.get(role, role)))
        return ", ".join(parts)

    def new_token(self, now=None):
        """Give the invitation a fresh secret; only its hash is stored. Returns the secret."""
        raw = secrets.token_urlsafe(32)
        self.token_hash = _hash_token(raw)
        self.expires_at = (now or timezone.now()) + timedelta(days=settings.INVITATION_VALID_DAYS)
        return raw

    @classmethod
    def find(cls, raw_token):
        return cls.objects.filter(token_hash=_hash_token(raw_token)).first()

    def unusable_reason(self, now=None):
        if self.accepted_at:
            return _("Länken har redan använts. Logga in med din e-postadress och ditt lösenord.")
        if (now or timezone.now()) > self.expires_at:
            return _("Länken har gått ut. Be RSS Dalarna om en ny inbjudan.")
        return ""


# --- Draft / submit workflow shared by every form -------------------------------


class ResponseStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ej påbörjad")
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inskickad")
    REOPENED = "reopened", _("Återöppnad")


class Submittable(Versioned):
    """Fields every answered form has: status and who submitted it when.

    A row exists once something has been saved, so "ej påbörjad" is never stored.
    """

    status = models.CharField(
        _("status"), max_length=12, default=ResponseStatus.DRAFT,
        choices=[c for c in ResponseStatus.choices if c[0] != ResponseStatus.NOT_STARTED],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the respondent typed that did not validate, kept as typed so a draft loses nothing.
    pending_input = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    @property
    def is_submitted(self):
        return self.status == ResponseStatus.SUBMITTED


class ResponseEvent(models.Model):
    """History of a form answer: saved, submitted, reopened (with reason), changed; and of a
    reporting year and its report: closed, published, withdrawn (with reason). Append-only."""

    class Action(models.TextChoices):
        SAVED = "saved", _("Sparad som utkast")
        SUBMITTED = "submitted", _("Inskickad")
        REOPENED = "reopened", _("Återöppnad")
        CHANGED = "changed", _("Ändrad efter inskickning")
        IMPORTED = "imported", _("Importerad")
        CLOSED = "closed", _("Rapporteringsåret stängt")
        PUBLISHED = "published", _("Publicerad")
        WITHDRAWN = "withdrawn", _("Publiceringen återkallad")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    response = GenericForeignKey("content_type", "object_id")
    action = models.CharField(max_length=12, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(_("motivering"), blank=True)
    snapshot = models.JSONField(default=dict, blank=True, help_text="The answer's data after the event.")
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)

    class Meta:
        verbose_name = _("händelse")
        verbose_name_plural = _("historik")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_action_display()} {iso_datetime(self.at)}"


class OpenForm(models.Model):
    """Who has a form in front of them (loaded or saved it lately), shown to the others editing
    the same form, e.g. the two representatives of Södra Dalarna on their shared kartläggning."""

    key = models.CharField(max_length=100)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("öppet formulär")
        verbose_name_plural = _("öppna formulär")
        constraints = [models.UniqueConstraint(fields=["key", "user"], name="openform_one_per_user")]

    def __str__(self):
        return f"{self.key} – {self.user}"


# --- E-mail ------------------------------------------------------------------


class EmailTemplate(Versioned):
    """An e-mail text RSS can edit; {placeholders} are filled in when sending."""

    key = models.SlugField(_("nyckel"), max_length=60, unique=True)
    description = models.CharField(_("beskrivning"), max_length=200)
    subject = models.CharField(_("ämne"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("e-postmall")
        verbose_name_plural = _("e-postmallar")
        ordering = ["key"]

    def __str__(self):
        return self.description


class EmailLog(models.Model):
    """Every e-mail the portal sends (invitations, reminders, password links excepted)."""

    template_key = models.CharField(_("mall"), max_length=60, blank=True)
    to = models.EmailField(_("mottagare"))
    subject = models.CharField(_("ämne"), max_length=200)
    year = models.ForeignKey(ReportingYear, null=True, blank=True, on_delete=models.SET_NULL)
    part = models.CharField(_("del"), max_length=30, blank=True,
                            help_text=_("Vad utskicket gäller, t.ex. kommunenkat; påminnelser räknas per del."))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("skickad"), default=timezone.now)
    ok = models.BooleanField(_("lyckades"), default=True)
    error = models.TextField(_("fel"), blank=True)

    class Meta:
        verbose_name = _("skickat e-postmeddelande")
        verbose_name_plural = _("e-postlogg")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class ReminderSchedule(models.Model):
    """When reminders about one part of a year go out by themselves (gnv_portal.outreach).

    On the given dates, and/or every `every_days` days from `start_days_before` days
    before the deadline up to the deadline; to those who have not submitted, at most
    `max_per_person` reminders per person and never two within `min_interval_days`.
    """

    year = models.ForeignKey(ReportingYear, on_delete=models.CASCADE, related_name="reminder_schedules",
                             verbose_name=_("rapporteringsår"))
    part = models.CharField(_("del"), max_length=30)
    active = models.BooleanField(_("skicka påminnelser automatiskt"), default=True)
    dates = models.JSONField(_("datum"), default=list, blank=True)
    every_days = models.PositiveSmallIntegerField(_("var N:e dag"), null=True, blank=True)
    start_days_before = models.PositiveSmallIntegerField(_("från M dagar före sista svarsdag"), null=True,
                                                         blank=True)
    max_per_person = models.PositiveSmallIntegerField(_("högst antal påminnelser per person"), default=3)
    min_interval_days = models.PositiveSmallIntegerField(_("minst antal dagar mellan två påminnelser"), default=3)
    # Dates the worker has been asked to run on, so saving the schedule again queues nothing twice.
    queued = models.JSONField(default=list, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("schema för påminnelser")
        verbose_name_plural = _("scheman för påminnelser")
        ordering = ["year", "part"]
        constraints = [models.UniqueConstraint(fields=["year", "part"], name="reminder_schedule_one_per_part")]

    def __str__(self):
        return f"{self.year} {self.part}"

    def send_dates(self):
        """Every date a reminder is planned, in order, none after the deadline."""
        days = {date.fromisoformat(d) for d in self.dates}
        deadline = self.year.deadline
        if deadline and self.every_days and self.start_days_before is not None:
            day = deadline - timedelta(days=self.start_days_before)
            while day <= deadline:
                days.add(day)
                day += timedelta(days=self.every_days)
        return sorted(d for d in days if deadline is None or d <= deadline)
