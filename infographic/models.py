"""Key indicators (nyckeltal): the catalogue of 20, their values from Kolada, and the
editions of the infographic (which period each indicator showed in a report year)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gnv_portal.models import ReportingYear, SubGoal

kpi_id = RegexValidator(r"^[A-Z][0-9]{5}$", _("Ett Kolada-id är en stor bokstav och fem siffror, t.ex. N79173."))
area_code = RegexValidator(r"^[0-9]{4}$", _("Områdeskoden ska vara fyra siffror, t.ex. 0020 eller 2080."))


class Level(models.TextChoices):
    MUNICIPALITY = "K", _("Kommun")
    REGION = "R", _("Region")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Högre är bättre")
    LOWER = "lower", _("Lägre är bättre")
    NONE = "none", _("Ingen riktning (faktanyckeltal)")


class Sex(models.TextChoices):
    TOTAL = "T", _("Totalt")
    WOMEN = "K", _("Kvinnor")
    MEN = "M", _("Män")


class Indicator(models.Model):
    """One of the 20 nyckeltal of the infographic, numbered by delmål ("2.1")."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktivt")
        DEVELOPMENT = "development", _("Under utveckling")

    number = models.CharField(_("nummer"), max_length=5, unique=True, help_text=_("T.ex. 2.1"))
    title = models.CharField(_("nyckeltal"), max_length=200)
    subtitle = models.CharField(_("förklaring"), max_length=200, blank=True)
    sub_goal = models.ForeignKey(SubGoal, on_delete=models.PROTECT, related_name="indicators",
                                 verbose_name=_("delmål"))
    level = models.CharField(_("nivå"), max_length=1, choices=Level.choices, blank=True)
    direction = models.CharField(_("riktning"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    split_by_sex = models.BooleanField(_("redovisas för kvinnor och män"), default=False)
    unit = models.CharField(_("enhet"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimaler"), default=0)
    kolada_id = models.CharField(_("Kolada-id (KPI)"), max_length=12, blank=True, validators=[kpi_id],
                                 help_text=_("T.ex. N79173. Lämna tomt om nyckeltalet inte hämtas från Kolada."))
    kolada_title = models.CharField(
        _("titel i Kolada"), max_length=300, blank=True,
        help_text=_("Titeln som den såg ut vid senaste hämtningen. Ändras den i Kolada stoppas importen av "
                    "nyckeltalet tills någon har kontrollerat att det fortfarande är samma mått."),
    )
    sort_key = models.PositiveIntegerField(editable=False, default=0)

    class Meta:
        verbose_name = _("nyckeltal")
        verbose_name_plural = _("nyckeltal")
        ordering = ["sort_key"]

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = number_sort_key(self.number)
        super().save(*args, **kwargs)

    @property
    def is_fact(self):
        return self.direction == Direction.NONE

    @property
    def in_development(self):
        return self.status == self.Status.DEVELOPMENT

    @property
    def sexes(self):
        return [Sex.WOMEN, Sex.MEN] if self.split_by_sex else [Sex.TOTAL]


def number_sort_key(number):
    """'2.10' after '2.9': sort by the numbers, not the text."""
    major, _, minor = str(number).partition(".")
    try:
        return int(major) * 1000 + int(minor or 0)
    except ValueError:
        return 999999


class IndicatorValue(models.Model):
    """One value of an indicator for an area, period and sex. A missing value is NULL, never 0."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values",
                                  verbose_name=_("nyckeltal"))
    area = models.CharField(_("område"), max_length=4, validators=[area_code],
                            help_text=_("Kolada-id: kommun (t.ex. 2080), region (00LL, t.ex. 0020) eller riket 0000."))
    period = models.PositiveSmallIntegerField(_("period"))
    sex = models.CharField(_("kön"), max_length=1, choices=Sex.choices, default=Sex.TOTAL)
    value = models.DecimalField(_("värde"), max_digits=14, decimal_places=4, null=True, blank=True)
    source = models.CharField(_("källa"), max_length=20, default="kolada")
    fetched_at = models.DateTimeField(_("hämtad"))

    class Meta:
        verbose_name = _("värde")
        verbose_name_plural = _("värden")
        ordering = ["indicator__sort_key", "area", "period", "sex"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period", "sex"], name="indicatorvalue_unique_key"),
        ]
        indexes = [
            models.Index(fields=["indicator", "period"]),
            # results.sources() skips through it: the distinct sources without reading every value.
            models.Index(fields=["source"], name="infographic_value_source_idx"),
        ]

    def __str__(self):
        return f"{self.indicator.number} {self.area} {self.period} {self.sex}: {self.value}"


class Edition(models.Model):
    """The infographic as it was made for a report year (the 2024 report carries "Infografik 2025").

    `periods` maps indicator number → the latest period shown ("2.1" → 2024, or None).
    """

    year = models.OneToOneField(ReportingYear, on_delete=models.CASCADE, related_name="infographic_edition",
                                verbose_name=_("rapporteringsår"))
    periods = models.JSONField(_("perioder per nyckeltal"), default=dict, blank=True)
    created_at = models.DateTimeField(_("sparad"), auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("sparad av"))

    class Meta:
        verbose_name = _("utgåva av infografiken")
        verbose_name_plural = _("utgåvor av infografiken")
        ordering = ["-year__year"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return edition_title(self.year.year)


def edition_title(report_year):
    return _("Infografik %(year)s") % {"year": report_year + 1}


class KoladaImport(models.Model):
    """One fetch from Kolada started in the portal: when, by whom, for which periods, and how it went."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kö")
        RUNNING = "running", _("Pågår")
        DONE = "done", _("Klar")
        FAILED = "failed", _("Misslyckades")

    created_at = models.DateTimeField(_("startad"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("startad av"))
    periods = models.JSONField(_("perioder"), default=list)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    finished_at = models.DateTimeField(_("klar"), null=True, blank=True)
    report = models.TextField(_("resultat"), blank=True)

    class Meta:
        verbose_name = _("hämtning från Kolada")
        verbose_name_plural = _("hämtningar från Kolada")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Kolada {', '.join(str(p) for p in self.periods)} ({self.get_status_display()})"
