"""Every figure of the self-assessment and the leadership mapping, computed once.

The web pages, the annual report (sections 3.2, 3.3, Bilaga 3), the dashboards and the
exports all call these functions. They return plain data (dataclasses, dicts, lists of
floats) and use a fixed number of queries whatever the number of years or answers.

Only submitted answers count. A leadership's rating of a delmål is the mean of its
submitted representatives' ratings (3 and 4 give 3,5); the county figures are then
computed over the leaderships' ratings, so every leadership weighs the same.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from gnv_portal.models import LocalLeadership, ReportingYear, ResponseStatus, SubGoal
from selfassessment.models import KEY_ACTORS, LeadershipMapping, MemberRole, Polsam, Rating, SelfAssessment

# Half steps 1, 1,5 … 5: the bins of the histograms in Bilaga 3.
HALF_STEPS = [1 + i / 2 for i in range(9)]
MAX_PER_SUBGOAL = 5


def _year_number(year):
    return year.year if isinstance(year, ReportingYear) else int(year)


def nearest_half_step(value):
    """The half step a leadership rating falls in: 3,5 stays 3,5, a mean of 3,33 counts as 3,5."""
    return float((Decimal(str(value)) * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2)


@dataclass
class SubGoalStats:
    """One delmål in one year, over the leaderships that answered."""

    number: int
    name: str
    statement: str
    n: int
    mean: float | None
    median: float | None
    min: float | None
    max: float | None
    stdev: float | None  # sample standard deviation; None below two leaderships
    bins: dict = field(default_factory=dict)  # half step (1.0 … 5.0) → number of leaderships
    previous_mean: float | None = None
    change: float | None = None  # mean minus previous year's mean, None without a previous year

    @property
    def spread(self):
        return None if self.min is None else self.max - self.min


@dataclass
class LeadershipScore:
    leadership: str
    score: float  # sum of the leadership's ratings of the delmål
    max_score: int  # number of delmål × 5
    rated: int  # delmål the leadership rated


@dataclass
class YearSummary:
    """What report section 3.2 says about one year."""

    year: int
    previous_year: int
    answered: int  # leaderships with at least one submitted answer
    leaderships: int  # all local system leaderships ("13 av 13")
    applied: int  # leaderships where the table was applied in their own work
    subgoals: list  # [SubGoalStats]
    highest: list  # delmål numbers with the highest mean (several on a tie)
    lowest: list
    largest_spread: list  # delmål numbers with the largest standard deviation
    max_score: int


def _submitted_ratings(year_numbers):
    """(year, leadership name, subgoal number, respondent, rating) of submitted answers; one query."""
    return list(
        Rating.objects.filter(
            assessment__year__year__in=year_numbers, assessment__status=ResponseStatus.SUBMITTED,
            rating__isnull=False,
        ).values_list("assessment__year__year", "assessment__leadership__name", "subgoal__number",
                      "assessment__respondent_label", "rating")
    )


def _means_by_leadership(rows):
    """{year: {leadership: {subgoal: mean of the representatives}}}."""
    collected = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for year, leadership, number, _respondent, rating in rows:
        collected[year][leadership][number].append(rating)
    return {
        year: {lead: {num: statistics.fmean(values) for num, values in by_goal.items()}
               for lead, by_goal in by_lead.items()}
        for year, by_lead in collected.items()
    }


def leadership_ratings(year):
    """{leadership name: {delmål number: rating}} for one year; a rating is the mean of the
    leadership's submitted representatives, so it may be a half step (3 and 4 give 3.5)."""
    number = _year_number(year)
    return _means_by_leadership(_submitted_ratings([number])).get(number, {})


def describe(values, number=0, name="", statement=""):
    """SubGoalStats of a list of leadership ratings (n, mean, median, min, max, stdev, bins)."""
    bins = dict.fromkeys(HALF_STEPS, 0)
    for value in values:
        bins[nearest_half_step(value)] += 1
    return SubGoalStats(
        number=number, name=name, statement=statement, n=len(values),
        mean=statistics.fmean(values) if values else None,
        median=statistics.median(values) if values else None,
        min=min(values) if values else None,
        max=max(values) if values else None,
        stdev=statistics.stdev(values) if len(values) > 1 else None,
        bins=bins,
    )


def subgoal_stats(year):
    """[SubGoalStats] for delmål 1–5 in `year`, with the change since the year before."""
    number = _year_number(year)
    means = _means_by_leadership(_submitted_ratings([number, number - 1]))
    return _subgoal_stats(number, means, list(SubGoal.objects.order_by("number")))


def _subgoal_stats(number, means, subgoals):
    result = []
    for goal in subgoals:
        values = [by_goal[goal.number] for by_goal in means.get(number, {}).values() if goal.number in by_goal]
        previous = [by_goal[goal.number] for by_goal in means.get(number - 1, {}).values() if goal.number in by_goal]
        stats = describe(values, goal.number, goal.name, goal.statement)
        if previous:
            stats.previous_mean = statistics.fmean(previous)
            if stats.mean is not None:
                stats.change = stats.mean - stats.previous_mean
        result.append(stats)
    return result


def means_by_year(years):
    """{year: {delmål number: mean over leaderships}} for several years (Figur 2); one query."""
    numbers = [_year_number(y) for y in years]
    means = _means_by_leadership(_submitted_ratings(numbers))
    result = {}
    for number in numbers:
        by_goal = defaultdict(list)
        for ratings in means.get(number, {}).values():
            for goal, value in ratings.items():
                by_goal[goal].append(value)
        result[number] = {goal: statistics.fmean(values) for goal, values in sorted(by_goal.items())}
    return result


def _extremes(stats, key, pick):
    candidates = [s for s in stats if getattr(s, key) is not None]
    if not candidates:
        return []
    best = pick(getattr(s, key) for s in candidates)
    return [s.number for s in candidates if abs(getattr(s, key) - best) < 1e-9]


def total_scores(year):
    """[LeadershipScore], highest first: each leadership's sum over the delmål, and the maximum
    (number of delmål × 5; the seed's "max 20 poäng" is an error in the source)."""
    subgoal_count = SubGoal.objects.count()
    scores = [
        LeadershipScore(leadership=name, score=sum(ratings.values()), max_score=subgoal_count * MAX_PER_SUBGOAL,
                        rated=len(ratings))
        for name, ratings in leadership_ratings(year).items()
    ]
    return sorted(scores, key=lambda s: (-s.score, s.leadership))


def applied_count(year):
    """Leaderships where at least one submitted representative answered that the table was applied."""
    return (
        SelfAssessment.objects.filter(year__year=_year_number(year), status=ResponseStatus.SUBMITTED, applied=True)
        .values("leadership").distinct().count()
    )


def answered_count(year):
    """Leaderships with at least one submitted answer (the "13" in "13 av 13")."""
    return (
        SelfAssessment.objects.filter(year__year=_year_number(year), status=ResponseStatus.SUBMITTED)
        .values("leadership").distinct().count()
    )


def year_summary(year):
    """YearSummary of one year: the figures of report section 3.2."""
    number = _year_number(year)
    stats = subgoal_stats(number)
    return YearSummary(
        year=number,
        previous_year=number - 1,
        answered=answered_count(number),
        leaderships=LocalLeadership.objects.count(),
        applied=applied_count(number),
        subgoals=stats,
        highest=_extremes(stats, "mean", max),
        lowest=_extremes(stats, "mean", min),
        largest_spread=_extremes(stats, "stdev", max),
        max_score=len(stats) * MAX_PER_SUBGOAL,
    )


@dataclass
class Disagreement:
    leadership: str
    subgoal: int
    answers: dict  # respondent → rating
    mean: float


def disagreements(year):
    """Where a leadership's representatives rated a delmål differently: both answers side by side."""
    by_key = defaultdict(dict)
    for _year, leadership, number, respondent, rating in _submitted_ratings([_year_number(year)]):
        by_key[(leadership, number)][respondent] = rating
    return [
        Disagreement(leadership=lead, subgoal=num, answers=dict(sorted(answers.items())),
                     mean=statistics.fmean(answers.values()))
        for (lead, num), answers in sorted(by_key.items())
        if len(set(answers.values())) > 1
    ]


@dataclass
class MappingCounts:
    """Counts of report section 3.3 over the submitted mappings of one year ("9 av 13 …")."""

    answered: int
    leaderships: int
    convening_structure: int
    chair: int
    meetings_per_year: dict  # meetings per year → number of leaderships
    twice_per_term: int  # four meetings a year
    roles: dict  # MemberRole value → number of leaderships with that role
    politics_represented: int
    missing_key_actors: int  # none of politik, vuxenpsykiatri, BUP, specialistvård, ambulans, akutmottagning
    user_representative: int
    polsam: dict  # Polsam value → count
    user_influence: int
    no_user_influence: int
    local_plan: int
    communication_plan: int


def mapping_counts(year):
    """MappingCounts for one year; two queries."""
    mappings = list(LeadershipMapping.objects.filter(year__year=_year_number(year), status=ResponseStatus.SUBMITTED))
    meetings = defaultdict(int)
    for m in mappings:
        if m.meetings_per_year is not None:
            meetings[m.meetings_per_year] += 1
    roles = {role.value: sum(1 for m in mappings if role.value in m.member_roles) for role in MemberRole}
    return MappingCounts(
        answered=len(mappings),
        leaderships=LocalLeadership.objects.count(),
        convening_structure=sum(1 for m in mappings if m.has_convening_structure),
        chair=sum(1 for m in mappings if m.has_chair),
        meetings_per_year=dict(sorted(meetings.items())),
        twice_per_term=meetings.get(4, 0),
        roles=roles,
        politics_represented=roles[MemberRole.POLITICS.value],
        missing_key_actors=sum(1 for m in mappings if not any(a.value in m.member_roles for a in KEY_ACTORS)),
        user_representative=roles[MemberRole.USER_REPRESENTATIVE.value],
        polsam={choice.value: sum(1 for m in mappings if m.polsam == choice.value) for choice in Polsam},
        user_influence=sum(1 for m in mappings if m.user_influence is True),
        no_user_influence=sum(1 for m in mappings if m.user_influence is False),
        local_plan=sum(1 for m in mappings if m.has_local_plan),
        communication_plan=sum(1 for m in mappings if m.has_communication_plan),
    )
