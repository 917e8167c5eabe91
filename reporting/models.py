"""Municipal reporting: the kommunenkät as yearly questionnaires (data, not code), the
municipalities' answers, the economic report, and the quotes RSS picks for the report.

A question keeps a stable `key` across years and rewordings; answers point at the
question they were given to, so comparisons across years follow the key.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gnv_portal.formatting import iso_datetime
from gnv_portal.models import Municipality, ReportingYear, Submittable, Versioned

stable_key_help = _("Stabil nyckel som behålls när frågan formuleras om eller kopieras till ett nytt år.")


class Part(models.TextChoices):
    """The two forms a municipality answers each year (may have different respondents)."""

    SURVEY = "kommunenkat", _("Kommunenkät")
    ECONOMY = "ekonomi", _("Ekonomisk redovisning")


class Questionnaire(Versioned):
    """The kommunenkät of one reporting year."""

    year = models.OneToOneField(
        ReportingYear, on_delete=models.CASCADE, related_name="questionnaire", verbose_name=_("rapporteringsår")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    introduction = models.TextField(_("inledning"), blank=True)

    class Meta:
        verbose_name = _("kommunenkät")
        verbose_name_plural = _("kommunenkäter")
        ordering = ["-year__year"]

    def __str__(self):
        return f"{self.title} ({self.year.year})"


class Section(Versioned):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(_("nyckel"), max_length=60, help_text=stable_key_help)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="section_unique_key")]

    def __str__(self):
        return self.title


class Question(Versioned):
    class Type(models.TextChoices):
        MULTIPLE = "multiple", _("Flerval")
        SINGLE = "single", _("Enval")
        YES_NO = "yes_no", _("Ja/nej")
        TEXT = "text", _("Fritext")
        NUMBER = "number", _("Tal")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("avsnitt"))
    key = models.SlugField(_("nyckel"), max_length=60, help_text=stable_key_help)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    text = models.TextField(_("fråga"))
    short_label = models.CharField(
        _("kort etikett"), max_length=120, blank=True, help_text=_("Används som kolumnrubrik i exporten.")
    )
    type = models.CharField(_("typ"), max_length=10, choices=Type.choices)
    required = models.BooleanField(_("obligatorisk"), default=False)
    help_text = models.TextField(_("hjälptext"), blank=True)

    class Meta:
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
        ordering = ["section__order", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["section", "key"], name="question_unique_key")]

    def __str__(self):
        return self.short_label or self.text[:80]

    def clean(self):
        # Comparisons across years follow the key, so it must be unique in the whole questionnaire.
        if self.section_id and Question.objects.filter(
            section__questionnaire_id=self.section.questionnaire_id, key=self.key
        ).exclude(pk=self.pk).exists():
            raise ValidationError({"key": _("Nyckeln används redan av en annan fråga i enkäten.")})

    @property
    def label(self):
        return self.short_label or self.text

    @property
    def has_options(self):
        return self.type in (self.Type.MULTIPLE, self.Type.SINGLE)


class Option(Versioned):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("nyckel"), max_length=60, help_text=stable_key_help)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    label = models.CharField(_("svarsalternativ"), max_length=300)
    is_other = models.BooleanField(
        _("”Annat, nämligen”"), default=False, help_text=_("Den som väljer alternativet skriver vad i ett textfält.")
    )

    class Meta:
        verbose_name = _("svarsalternativ")
        verbose_name_plural = _("svarsalternativ")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="option_unique_key")]

    def __str__(self):
        return self.label


class SurveyResponse(Submittable):
    """One municipality's kommunenkät for one year."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="survey_responses")

    class Meta:
        verbose_name = _("svar på kommunenkät")
        verbose_name_plural = _("svar på kommunenkät")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "municipality"], name="survey_response_unique")
        ]

    def __str__(self):
        return f"{self.municipality} – {self.questionnaire.year.year}"

    def snapshot(self):
        """The answers by stable key, for the history and the "did it change" test of a save."""
        from reporting.municipal.questionnaires import snapshot

        return snapshot(self)


class Answer(models.Model):
    """The answer to one question; which fields are used depends on the question's type."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    options = models.ManyToManyField(Option, blank=True, related_name="answers")
    text = models.TextField(_("text"), blank=True, help_text=_("Fritext, eller texten till ”Annat, nämligen”."))
    yes_no = models.BooleanField(_("ja/nej"), null=True, blank=True)
    number = models.DecimalField(_("tal"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_unique_question")]

    def __str__(self):
        return f"{self.response} – {self.question.key}"


class EconomicReport(Submittable):
    """Insatsområde 1, 9292 Primärvården som nav: allocated, surplus and consumed, whole kronor."""

    year = models.ForeignKey(ReportingYear, on_delete=models.PROTECT, related_name="economic_reports")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="economic_reports")
    allocated = models.PositiveBigIntegerField(_("belopp per kommun"), null=True, blank=True)
    surplus = models.PositiveBigIntegerField(
        _("överskjutande medel, återbetalat från RSS Dalarna"), null=True, blank=True
    )
    consumed = models.PositiveBigIntegerField(_("förbrukade medel"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    overspend_confirmed = models.BooleanField(_("bekräftat att förbrukningen överstiger tillgängliga medel"),
                                              default=False)
    # The amounts RSS entered (prefill page or import), and who: only these are read-only for the
    # municipality. What the municipality typed itself it can always correct.
    prefilled_fields = models.JSONField(_("belopp ifyllda av RSS"), default=list, blank=True)
    prefilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("ifyllt av"),
    )
    prefilled_at = models.DateTimeField(_("ifyllt"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekonomisk redovisning")
        verbose_name_plural = _("ekonomiska redovisningar")
        constraints = [models.UniqueConstraint(fields=["year", "municipality"], name="economic_report_unique")]

    def __str__(self):
        return f"{self.municipality} – {self.year.year}"

    def snapshot(self):
        from reporting.municipal.economy import snapshot

        return snapshot(self)


class Quote(Versioned):
    """A free-text answer RSS quotes in the annual report; `text` may be shortened or anonymised,
    the answer itself is kept as the original."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="quote")
    text = models.TextField(_("citat"))
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("citat")
        verbose_name_plural = _("citat")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]


# --- The annual report (issue 7) -------------------------------------------------


class ReportText(Versioned):
    """The narrative of one year's annual report: Markdown written by RSS, with generated
    blocks (``[[figur_medelvarden]]`` on a line of its own) and values (``{{ svarat }}``) in place."""

    year = models.OneToOneField(ReportingYear, on_delete=models.CASCADE, related_name="report_text")
    body = models.TextField(_("rapporttext (Markdown)"))

    class Meta:
        verbose_name = _("rapporttext")
        verbose_name_plural = _("rapporttexter")

    def __str__(self):
        return str(self.year)


class ReportVersion(models.Model):
    """One built report file. A published version keeps the text and the data it was built from
    (``text`` and ``snapshot``), so it can be rebuilt with the same content whatever changes later."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        HTML = "html", "HTML"

    class Status(models.TextChoices):
        BUILDING = "building", _("Skapas")
        READY = "ready", _("Klar")
        FAILED = "failed", _("Misslyckades")

    year = models.ForeignKey(ReportingYear, on_delete=models.CASCADE, related_name="report_versions")
    format = models.CharField(_("format"), max_length=4, choices=Format.choices, default=Format.PDF)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BUILDING)
    progress = models.CharField(_("förlopp"), max_length=200, blank=True)
    content = models.BinaryField(_("fil"), null=True, blank=True, editable=False)
    checksum = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64, blank=True)
    text = models.TextField(_("rapporttext"), blank=True)
    snapshot = models.JSONField(_("underlag"), default=dict, blank=True)
    error = models.TextField(_("fel"), blank=True)
    published = models.BooleanField(_("publicerad"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    # A newer publication of the same year replaces this one; it stays readable, marked as replaced.
    replaced_by = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="replaces", verbose_name=_("ersatt av"))
    withdrawn_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    withdrawn_reason = models.TextField(_("skäl till återkallelsen"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("rapportversion")
        verbose_name_plural = _("rapportversioner")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.year} {self.format} {iso_datetime(self.created_at)}"

    @property
    def is_current_publication(self):
        return self.published and self.withdrawn_at is None and self.replaced_by_id is None

    @property
    def is_readable(self):
        """Readers see what was published and not withdrawn (a replaced version too, marked so)."""
        return self.published and self.withdrawn_at is None

    @property
    def filename(self):
        return f"arsrapport-gnv-dalarna-{self.year.year}-v{self.pk}.{self.format}"


class ChartImage(models.Model):
    """SVG drawn by kaleido, keyed by a hash of the figure's JSON: an unchanged chart is drawn once."""

    key = models.CharField(max_length=64, unique=True)
    svg = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("diagrambild")
        verbose_name_plural = _("diagrambilder")

    def __str__(self):
        return self.key[:12]
