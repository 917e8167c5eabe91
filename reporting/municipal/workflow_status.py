"""Status of a municipality's two forms, shared by the pages, the exports and the e-mails."""

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus
from reporting.municipal import economy


def status_of(response, economy_report=False):
    if economy_report:
        return economy.report_status(response)
    return workflow.status_of(response)


def status_label(response, economy_report=False):
    return str(ResponseStatus(status_of(response, economy_report)).label)
