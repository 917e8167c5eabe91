"""Self-assessment (självskattning) answers of the local system leaderships, and the
leadership mapping (kartläggning). DESIGN.md, "Self-assessment" and "Leadership mapping"."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gnv_portal.models import LocalLeadership, ReportingYear, SubGoal, Submittable

# The self-assessment scale; the leadership's rating is the mean of its representatives.
SCALE = [
    (1, _("Stämmer inte alls")),
    (2, _("Stämmer ganska dåligt")),
    (3, _("Stämmer ganska bra")),
    (4, _("Stämmer bra")),
    (5, _("Stämmer mycket bra")),
]
SCALE_MIN, SCALE_MAX = 1, 5


class SelfAssessment(Submittable):
    """One representative's answer for her leadership and year.

    Several representatives of one leadership answer on their own; `respondent_label`
    tells them apart (the user's e-mail address, or the name given in an imported file).
    """

    year = models.ForeignKey(ReportingYear, on_delete=models.PROTECT, related_name="selfassessments",
                             verbose_name=_("rapporteringsår"))
    leadership = models.ForeignKey(LocalLeadership, on_delete=models.PROTECT, related_name="selfassessments",
                                   verbose_name=_("lokal systemledning"))
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="selfassessments", verbose_name=_("representant"))
    respondent_label = models.CharField(_("representant"), max_length=200)
    applied = models.BooleanField(
        _("Har självskattningstabellen tillämpats i det egna omställningsarbetet?"), null=True, blank=True
    )
    comment = models.TextField(_("övergripande kommentar"), blank=True)

    class Meta:
        verbose_name = _("självskattning")
        verbose_name_plural = _("självskattningar")
        ordering = ["year", "leadership__name", "respondent_label"]
        constraints = [
            models.UniqueConstraint(fields=["year", "leadership", "respondent_label"],
                                    name="selfassessment_one_per_respondent"),
        ]

    def __str__(self):
        return f"{self.leadership} {self.year} ({self.respondent_label})"

    def snapshot(self):
        """The answer as plain data, for the history."""
        # A delmål with neither rating nor comment is not answered, whether or not it has a row.
        ratings = {str(r.subgoal.number): {"rating": r.rating, "comment": r.comment}
                   for r in self.ratings.select_related("subgoal") if r.rating is not None or r.comment}
        return {"ratings": ratings, "applied": self.applied, "comment": self.comment}


class Rating(models.Model):
    """The rating 1–5 of one delmål in one answer, with an optional comment."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    subgoal = models.ForeignKey(SubGoal, on_delete=models.PROTECT, related_name="+", verbose_name=_("delmål"))
    rating = models.PositiveSmallIntegerField(
        _("skattning"), null=True, blank=True, choices=SCALE,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("skattning")
        verbose_name_plural = _("skattningar")
        ordering = ["subgoal__number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "subgoal"], name="rating_one_per_subgoal"),
            models.CheckConstraint(condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                                   name="rating_on_the_scale"),
        ]

    def __str__(self):
        return f"{self.subgoal}: {self.rating}"


class MemberRole(models.TextChoices):
    """Roles that may sit in a local system leadership (DESIGN.md, report 3.3.1)."""

    SOCIAL_SERVICES_HEAD = "socialtjanstchef", _("Förvaltningschef socialtjänst")
    OPERATIONS_HEAD = "verksamhetschef", _("Verksamhetschef VC/psykiatri/habilitering")
    HSL_HEAD = "hsl_chef", _("HSL-chef kommun")
    UNIT_HEAD = "enhetschef", _("Enhetschef kommun/omsorg")
    IFO_HEAD = "ifo_chef", _("IFO-chef")
    SCHOOL_HEAD = "skolchef", _("Skolchef")
    MAS = "mas", _("MAS")
    AREA_COORDINATOR = "omradessamordnare", _("Områdessamordnare VC")
    CARE_DEVELOPER = "vardutvecklare", _("Vårdutvecklare")
    DEVELOPER = "verksamhetsutvecklare", _("Verksamhetsutvecklare socialtjänst")
    ADULT_PSYCHIATRY = "vuxenpsykiatri", _("Vuxenpsykiatri")
    BUP = "bup", _("BUP")
    POLITICS = "politik", _("Politik")
    SPECIALIST_CARE = "specialistvard", _("Specialistvård")
    AMBULANCE = "ambulans", _("Ambulans")
    EMERGENCY = "akutmottagning", _("Akutmottagning")
    USER_REPRESENTATIVE = "brukarrepresentant", _("Brukarrepresentant")


# Actors report 3.3.3 names as missing ("10 av 13 saknar viktiga aktörer"): a leadership
# counts as lacking them when it has none of them.
KEY_ACTORS = [MemberRole.POLITICS, MemberRole.ADULT_PSYCHIATRY, MemberRole.BUP, MemberRole.SPECIALIST_CARE,
              MemberRole.AMBULANCE, MemberRole.EMERGENCY]


class Polsam(models.TextChoices):
    SYSTEMATIC = "systematisk", _("Ja, systematiskt")
    SOMETIMES = "ibland", _("Ibland")
    NO = "nej", _("Nej")


class LeadershipMapping(Submittable):
    """Kartläggning: how one local system leadership is organised and works, per year."""

    year = models.ForeignKey(ReportingYear, on_delete=models.PROTECT, related_name="leadership_mappings",
                             verbose_name=_("rapporteringsår"))
    leadership = models.ForeignKey(LocalLeadership, on_delete=models.PROTECT, related_name="mappings",
                                   verbose_name=_("lokal systemledning"))
    has_convening_structure = models.BooleanField(_("Finns en struktur för sammankallande?"), null=True, blank=True)
    has_chair = models.BooleanField(_("Finns en utsedd ordförande?"), null=True, blank=True)
    meetings_per_year = models.PositiveSmallIntegerField(
        _("Antal möten per år"), null=True, blank=True, validators=[MaxValueValidator(366)]
    )
    member_roles = models.JSONField(_("Vilka roller ingår i systemledningen?"), default=list, blank=True)
    polsam = models.CharField(_("Samverkan med POLSAM"), max_length=12, choices=Polsam.choices, blank=True)
    user_influence = models.BooleanField(_("Arbetar systemledningen aktivt med brukarinflytande?"),
                                         null=True, blank=True)
    user_influence_how = models.TextField(_("Hur arbetar ni med brukarinflytande?"), blank=True)
    has_local_plan = models.BooleanField(_("Finns en lokal plan för God och nära vård?"), null=True, blank=True)
    has_communication_plan = models.BooleanField(_("Finns en kommunikationsplan?"), null=True, blank=True)
    challenges = models.TextField(_("Utmaningar"), blank=True)
    works_well = models.TextField(_("Det här fungerar bra"), blank=True)

    class Meta:
        verbose_name = _("kartläggning")
        verbose_name_plural = _("kartläggningar")
        ordering = ["year", "leadership__name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "leadership"], name="mapping_one_per_leadership"),
        ]

    def __str__(self):
        return f"{self.leadership} {self.year}"

    def snapshot(self):
        fields = ["has_convening_structure", "has_chair", "meetings_per_year", "member_roles", "polsam",
                  "user_influence", "user_influence_how", "has_local_plan", "has_communication_plan",
                  "challenges", "works_well"]
        return {name: getattr(self, name) for name in fields}
