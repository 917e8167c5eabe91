"""Small builders for the reporting tests."""

from gnv_portal.models import Municipality, ResponseStatus
from reporting.models import EconomicReport, SurveyResponse
from reporting.municipal import questionnaires


def answer_survey(questionnaire, municipality, status=ResponseStatus.SUBMITTED, **answers):
    """Answers by question key, e.g. omraden=["utskrivningsprocessen"], overgripande_uppfoljning="ja"."""
    response, _ = SurveyResponse.objects.get_or_create(questionnaire=questionnaire, municipality=municipality)
    response.status = status
    response.save()
    data = {"q_" + key.replace("_", "-"): value for key, value in answers.items()}
    for key in list(data):
        if key.endswith("-annat"):
            data[key[:-6] + "_annat"] = data.pop(key)
    questionnaires.save_answers(response, questionnaires.questions_of(questionnaire), data)
    return response


def economic_report(year, name, allocated, surplus, consumed, status=ResponseStatus.SUBMITTED):
    return EconomicReport.objects.create(year=year, municipality=Municipality.objects.get(name=name),
                                         allocated=allocated, surplus=surplus, consumed=consumed, status=status)


def submit_through_confirm(client, url, confirm, data):
    """Granska och skicka in on the form, then Skicka in on the confirm page with the version it shows."""
    from tests.versions import shown_version

    response = client.post(url, {**data, "action": "submit"})
    assert response.status_code == 302 and response["Location"] == confirm
    return client.post(confirm, shown_version(client, confirm))
