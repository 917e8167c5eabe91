"""Log lines for the journal: one line per record, and for a failed request who it was.

A request error is logged by Django ("Internal Server Error: /path", logger django.request) with the
request attached; this adds the method, the status and the user's id — never the posted data.
The traceback is kept on the same line as its frames (file, line, function) and the exception's
class, without the exception's message: a message can quote what was typed (a value that did
not parse, a duplicate key), and answers and passwords never go into the log.
"""

import logging
import traceback


def _user_id(request):
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return str(user.pk)
    return "-"


class OneLineFormatter(logging.Formatter):
    def format(self, record):
        first, _newline, rest = super().format(record).partition("\n")
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            first += f" method={request.method} status={getattr(record, 'status_code', '-')} user={_user_id(request)}"
        return " | ".join(part.replace("\r", " ").replace("\n", " | ") for part in (first, rest) if part)

    def formatException(self, exc_info):
        kind, _value, tb = exc_info
        frames = " < ".join(f"{frame.filename}:{frame.lineno} {frame.name}"
                            for frame in reversed(traceback.extract_tb(tb)))
        return f"{kind.__module__}.{kind.__qualname__} at {frames}"

    def formatStack(self, stack_info):
        return stack_info.replace("\n", " | ")
