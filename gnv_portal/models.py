"""The shared kernel: organisations, delmål, reporting years, users and their roles,
the draft/submit workflow shared by every form, and e-mail templates and logs."""

import hashlib
import secrets
import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
            return _("Rapporteringen öppnar %(date)s.") % {"date": self.opens_on.isoformat()}
        end = self.deadline_end()
        if end and now > end:
            return _("Sista svarsdag var %(date)s.") % {"date": self.deadline.isoformat()}
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


class Invitation(models.Model):
    """RSS invites a person to a role; the link sets a password once, before it expires."""

    email = models.EmailField(_("e-postadress"))
    first_name = models.CharField(_("förnamn"), max_length=150)
    last_name = models.CharField(_("efternamn"), max_length=150)
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
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

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def clean(self):
        check_role_organisation(self.role, self.municipality, self.leadership)

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
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


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
